import type { SweepCostLine, SweepTransactionRecord } from '../ports/FundsStore.ts';

/** The fields of a recorded sweep transaction that its cost depends on. */
export type SweepCostEntry = Pick<
  SweepTransactionRecord,
  'networkKey' | 'kind' | 'paidBy' | 'status' | 'feeWei' | 'valueWei'
>;

/**
 * What sweeping cost per network, ordered by network key. Every mined transaction paid its fee,
 * reverted or not; a reverted top-up sent nothing, so only successful top-ups count as sent.
 *
 * @example
 * sumSweepCosts([{ networkKey: 'BSC', kind: 'topup', paidBy: 'gas_wallet', status: 'success', feeWei: 21n, valueWei: 50n }]);
 * // [{ networkKey: 'BSC', transactions: 1, gasWalletFeesWei: 21n, depositFeesWei: 0n, topUpsWei: 50n }]
 */
export function sumSweepCosts(entries: Iterable<SweepCostEntry>): SweepCostLine[] {
  const lines = new Map<string, { -readonly [K in keyof SweepCostLine]: SweepCostLine[K] }>();
  for (const entry of entries) {
    let line = lines.get(entry.networkKey);
    if (line === undefined) {
      line = { networkKey: entry.networkKey, transactions: 0, gasWalletFeesWei: 0n, depositFeesWei: 0n, topUpsWei: 0n };
      lines.set(entry.networkKey, line);
    }
    line.transactions += 1;
    if (entry.paidBy === 'gas_wallet') line.gasWalletFeesWei += entry.feeWei;
    else line.depositFeesWei += entry.feeWei;
    if (entry.kind === 'topup' && entry.status === 'success') line.topUpsWei += entry.valueWei;
  }
  return [...lines.values()].sort((a, b) => (a.networkKey < b.networkKey ? -1 : a.networkKey > b.networkKey ? 1 : 0));
}
