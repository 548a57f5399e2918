// Risk: the operator misreads what sweeping cost: fees counted against the wrong payer, or a reverted
// top-up counted as gas money sent.
import { describe, expect, it } from 'vitest';
import { type SweepCostEntry, sumSweepCosts } from './sumSweepCosts.ts';

const tx = (change: Partial<SweepCostEntry>): SweepCostEntry => ({
  networkKey: 'ETH',
  kind: 'deposit',
  paidBy: 'deposit',
  status: 'success',
  feeWei: 1n,
  valueWei: 0n,
  ...change,
});

describe('sumSweepCosts', () => {
  it('sums fees by payer and successful top-ups, per network in key order', () => {
    expect(
      sumSweepCosts([
        tx({ kind: 'topup', paidBy: 'gas_wallet', feeWei: 10n, valueWei: 100n }),
        tx({ kind: 'topup', paidBy: 'gas_wallet', feeWei: 20n, valueWei: 200n, status: 'reverted' }),
        tx({ feeWei: 3n, valueWei: 999n }),
        tx({ kind: 'batch', paidBy: 'gas_wallet', feeWei: 2n ** 70n, networkKey: 'BASE' }),
      ]),
    ).toEqual([
      { networkKey: 'BASE', transactions: 1, gasWalletFeesWei: 2n ** 70n, depositFeesWei: 0n, topUpsWei: 0n },
      { networkKey: 'ETH', transactions: 3, gasWalletFeesWei: 30n, depositFeesWei: 3n, topUpsWei: 100n },
    ]);
  });

  it('is empty with no sweeps', () => {
    expect(sumSweepCosts([])).toEqual([]);
  });
});
