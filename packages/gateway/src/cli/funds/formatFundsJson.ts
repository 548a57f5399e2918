import type { FundsReport } from '../../app/buildFundsReport.ts';
import { formatAmount } from '../../core/money/formatAmount.ts';

/**
 * `kassa funds --json`: one document. Amounts are decimal strings in whole tokens (native coin for
 * costs), null when the config does not give the decimals; `*_base_units` always holds the exact
 * base units.
 *
 * @example
 * formatFundsJson({ funds: [], costs: [] }); // { funds: [], costs: [] }
 */
export function formatFundsJson(report: FundsReport) {
  const whole = (value: bigint, decimals: number | null) => (decimals === null ? null : formatAmount(value, decimals));
  return {
    funds: report.funds.map((l) => ({
      network: l.networkKey,
      token: l.token,
      contract: l.contract,
      decimals: l.decimals,
      received: whole(l.received, l.decimals),
      collected: whole(l.collected, l.decimals),
      awaiting: whole(l.awaiting, l.decimals),
      awaiting_addresses: l.awaitingAddresses,
      received_base_units: l.received.toString(),
      collected_base_units: l.collected.toString(),
      awaiting_base_units: l.awaiting.toString(),
    })),
    costs: report.costs.map((c) => ({
      network: c.networkKey,
      native_symbol: c.nativeSymbol,
      decimals: c.nativeDecimals,
      transactions: c.transactions,
      gas_wallet_fees: whole(c.gasWalletFeesWei, c.nativeDecimals),
      deposit_fees: whole(c.depositFeesWei, c.nativeDecimals),
      top_ups: whole(c.topUpsWei, c.nativeDecimals),
      gas_wallet_fees_base_units: c.gasWalletFeesWei.toString(),
      deposit_fees_base_units: c.depositFeesWei.toString(),
      top_ups_base_units: c.topUpsWei.toString(),
    })),
  };
}
