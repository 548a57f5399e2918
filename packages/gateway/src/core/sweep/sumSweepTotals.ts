import type { SweepAddressPlan, SweepAsset, SweepStrategy } from './SweepPlan.ts';

export type SumSweepTotalsParameters = {
  readonly strategy: SweepStrategy;
  readonly addresses: readonly SweepAddressPlan[];
  /** How the network's native coin is shown. */
  readonly native: { readonly symbol: string; readonly decimals: number };
};

/**
 * What the destination receives per asset if every planned transaction succeeds: native first,
 * then tokens in the order they first appear; assets with nothing to move are left out. Under
 * eip7702 the sweeper moves each batched address's whole native balance at no fee to it; under
 * topup the native coin arrives only as the native transactions' values.
 *
 * @example
 * sumSweepTotals({ strategy: 'eip7702', addresses, native: { symbol: 'ETH', decimals: 18 } });
 * // [{ contract: null, symbol: 'ETH', decimals: 18, amount: '1000' }, { contract: usdt, symbol: 'USDT', decimals: 6, amount: '5000000' }]
 */
export function sumSweepTotals({ strategy, addresses, native }: SumSweepTotalsParameters): SweepAsset[] {
  let nativeTotal = 0n;
  const tokens = new Map<string, { asset: SweepAsset; total: bigint }>();
  for (const address of addresses) {
    nativeTotal += strategy === 'eip7702' ? BigInt(address.native) : nativeSent(address);
    for (const asset of address.tokens) {
      const key = (asset.contract ?? '').toLowerCase();
      const entry = tokens.get(key) ?? { asset, total: 0n };
      entry.total += BigInt(asset.amount);
      tokens.set(key, entry);
    }
  }
  const totals: SweepAsset[] = [];
  if (nativeTotal > 0n) totals.push({ contract: null, ...native, amount: nativeTotal.toString() });
  for (const { asset, total } of tokens.values()) {
    if (total > 0n) totals.push({ ...asset, amount: total.toString() });
  }
  return totals;
}

function nativeSent(address: SweepAddressPlan): bigint {
  return address.transactions.reduce((sum, tx) => (tx.kind === 'native' ? sum + BigInt(tx.amount) : sum), 0n);
}
