import { describe, expect, it } from 'vitest';
import { estimateSweepBatchGas } from './estimateSweepBatchGas.ts';

// The formula's safety against real batches is tested on anvil in kassaSweeper.test.ts; these
// pin its shape so a careless edit of a constant shows up.
describe('estimateSweepBatchGas', () => {
  const base = { authorizations: 0, addresses: 0, tokenTransfers: 0, nativeTransfers: 0 };

  it('grows with every input', () => {
    const empty = estimateSweepBatchGas(base);
    for (const key of ['authorizations', 'addresses', 'tokenTransfers', 'nativeTransfers'] as const) {
      expect(estimateSweepBatchGas({ ...base, [key]: 1 })).toBeGreaterThan(empty);
    }
  });

  it('charges each authorization at least the 25,000 EIP-7702 takes up front', () => {
    const without = estimateSweepBatchGas({ ...base, addresses: 3 });
    expect(estimateSweepBatchGas({ ...base, addresses: 3, authorizations: 3 }) - without).toBeGreaterThanOrEqual(
      75_000n,
    );
  });

  it('assumes every transfer is a different token unless told how many there are', () => {
    const batch = { ...base, addresses: 10, tokenTransfers: 10 };
    expect(estimateSweepBatchGas(batch)).toBe(estimateSweepBatchGas({ ...batch, distinctTokens: 10 }));
    expect(estimateSweepBatchGas({ ...batch, distinctTokens: 1 })).toBeLessThan(estimateSweepBatchGas(batch));
    // More distinct tokens than transfers cannot cost more first receipts than there are transfers.
    expect(estimateSweepBatchGas({ ...batch, distinctTokens: 99 })).toBe(estimateSweepBatchGas(batch));
  });

  it('refuses negative or fractional counts', () => {
    expect(() => estimateSweepBatchGas({ ...base, addresses: -1 })).toThrow(RangeError);
    expect(() => estimateSweepBatchGas({ ...base, tokenTransfers: 1.5 })).toThrow(RangeError);
  });
});
