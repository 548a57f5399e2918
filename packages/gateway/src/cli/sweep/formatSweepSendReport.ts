import type { SweepSendReport, SweepSendTransaction } from '../../adapters/chains/evm/sweep/SweepSendReport.ts';
import { formatAmount } from '../../core/money/formatAmount.ts';

const NATIVE_DECIMALS = 18;

/**
 * The operator's view of a `kassa sweep send` run: each transaction of the sweep (and whether this
 * run recorded it), what reached the destination, what it cost, what failed and why, and the
 * native coin left in the deposit addresses. `nativeSymbol` overrides the report's (the network's
 * configured symbol, when the plan named none).
 *
 * @example
 * process.stdout.write(`${formatSweepSendReport(report)}\n`);
 */
export function formatSweepSendReport(report: SweepSendReport, options: { nativeSymbol?: string } = {}): string {
  const symbol = options.nativeSymbol ?? report.nativeSymbol;
  const native = (wei: bigint) => `${formatAmount(wei, NATIVE_DECIMALS)} ${symbol}`;
  const newCount = report.transactions.filter((t) => t.isNewlyRecorded).length;
  const lines = [
    `Sweep ${report.planId} on ${report.networkKey} (${report.strategy}) to ${report.destination}`,
    `Transactions: ${report.transactions.length} (${newCount} recorded now, ${report.transactions.length - newCount} earlier)`,
    ...report.transactions.map((t) => `  ${describeTransaction(t, native)}`),
    'Moved:',
    ...report.moved.map((asset) => `  ${formatAmount(asset.amount, asset.decimals)} ${asset.symbol}`),
    `Fees: gas wallet ${native(report.gasWalletFeesWei)}, deposit addresses ${native(report.depositFeesWei)}`,
    `Top-ups sent: ${native(report.topUpsWei)}`,
  ];
  if (report.failed.length > 0) {
    lines.push(`Not swept: ${report.failed.length}`);
    lines.push(...report.failed.map((f) => `  #${f.index} ${f.address}: ${f.reason}`));
  }
  const left = report.leftover.filter((l) => l.nativeWei > 0n);
  lines.push(`Left in deposit addresses: ${native(left.reduce((sum, l) => sum + l.nativeWei, 0n))}`);
  lines.push(...left.map((l) => `  #${l.index} ${l.address}: ${native(l.nativeWei)}`));
  return lines.join('\n');
}

function describeTransaction(t: SweepSendTransaction, native: (wei: bigint) => string): string {
  const subject = t.batch === null ? (t.address ?? '') : `batch ${t.batch}`;
  const value = t.kind === 'topup' ? ` value ${native(t.valueWei)}` : '';
  return `${t.kind.padEnd(7)} ${t.hash} ${subject} ${t.status} gas ${t.gasUsed} fee ${native(t.feeWei)}${value}`;
}
