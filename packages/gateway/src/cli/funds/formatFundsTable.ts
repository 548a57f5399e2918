import type { FundsReport } from '../../app/buildFundsReport.ts';
import { formatAmount } from '../../core/money/formatAmount.ts';

/** Marks an amount shown in base units because the config does not give the token's decimals. */
const BASE_UNITS_MARK = '*';

/**
 * `kassa funds` for a terminal: what was received, collected and awaits collection per network and
 * token, then what sweeping cost per network. Amounts are exact decimals in whole tokens; a token
 * the config does not list shows base units, marked, with a note saying so.
 *
 * @example
 * formatFundsTable({ funds: [], costs: [] }); // 'no confirmed payments yet\nno sweeps yet\n'
 */
export function formatFundsTable(report: FundsReport): string {
  const lines: string[] = [];
  let isBaseUnitsShown = false;
  const amount = (value: bigint, decimals: number | null, unit = ''): string => {
    if (decimals === null) {
      isBaseUnitsShown = true;
      return `${value}${BASE_UNITS_MARK}`;
    }
    return `${formatAmount(value, decimals)}${unit}`;
  };
  if (report.funds.length === 0) lines.push('no confirmed payments yet');
  else {
    const rows = report.funds.map((l) => [
      l.networkKey,
      l.token,
      amount(l.received, l.decimals),
      amount(l.collected, l.decimals),
      amount(l.awaiting, l.decimals),
      String(l.awaitingAddresses),
    ]);
    lines.push(...formatColumns(['NETWORK', 'TOKEN', 'RECEIVED', 'COLLECTED', 'AWAITING', 'ADDRESSES'], rows, 2));
  }
  lines.push('');
  if (report.costs.length === 0) lines.push('no sweeps yet');
  else {
    const rows = report.costs.map((c) => {
      const unit = c.nativeDecimals === null ? '' : ` ${c.nativeSymbol}`;
      return [
        c.networkKey,
        String(c.transactions),
        amount(c.gasWalletFeesWei, c.nativeDecimals, unit),
        amount(c.depositFeesWei, c.nativeDecimals, unit),
        amount(c.topUpsWei, c.nativeDecimals, unit),
      ];
    });
    lines.push('sweep costs');
    lines.push(...formatColumns(['NETWORK', 'TRANSACTIONS', 'GAS WALLET FEES', 'DEPOSIT FEES', 'TOP-UPS'], rows, 1));
  }
  if (isBaseUnitsShown) {
    lines.push(
      '',
      `${BASE_UNITS_MARK} base units: the token (or network) is not in the config, its decimals are unknown`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Aligns columns: the first `namesCount` (names) to the left, the rest (numbers) to the right. */
function formatColumns(header: readonly string[], rows: readonly (readonly string[])[], namesCount: number): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i < namesCount ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)];
}
