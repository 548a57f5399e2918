// Guards against top-up sweeps that overpay, underfund a deposit's gas, or send native value the fees eat.
import { describe, expect, it } from 'vitest';
import { type PlanTopUpAddressParameters, planTopUpAddress } from './planTopUpAddress.ts';

const USDT = '0x00000000000000000000000000000000000000a1';
const USDC = '0x00000000000000000000000000000000000000a2';
const DESTINATION = '0x00000000000000000000000000000000000000d0';

const base: PlanTopUpAddressParameters = {
  nonce: 7,
  native: 0n,
  nativeThreshold: 0n,
  tokens: [],
  nativeGasLimit: 21_000n,
  gasPrice: 10n,
  destination: DESTINATION,
};
const twoTokens = [
  { contract: USDT, amount: 5_000_000n, gasLimit: 40_000n },
  { contract: USDC, amount: 1n, gasLimit: 30_000n },
] as const;
// 70,000 gas × 10 wei for the tokens, 21,000 × 10 for the native transfer.
const TOKEN_FEES = 700_000n;
const NATIVE_FEE = 210_000n;

describe('planTopUpAddress', () => {
  it('tops up the exact token fees of an address without native coin, one transfer per token', () => {
    const plan = planTopUpAddress({ ...base, tokens: twoTokens });
    expect(plan).toEqual({
      topUp: TOKEN_FEES,
      depositFees: TOKEN_FEES,
      leftover: null,
      transactions: [
        { kind: 'token', nonce: 7, to: USDT, contract: USDT, amount: '5000000', gasLimit: '40000' },
        { kind: 'token', nonce: 8, to: USDC, contract: USDC, amount: '1', gasLimit: '30000' },
      ],
    });
  });

  it('pays the token fees from its own native coin and sends the rest minus the native fee', () => {
    const native = TOKEN_FEES + NATIVE_FEE + 5n;
    const plan = planTopUpAddress({ ...base, native, nativeThreshold: 5n, tokens: twoTokens });
    expect(plan.topUp).toBe(0n);
    expect(plan.depositFees).toBe(TOKEN_FEES + NATIVE_FEE);
    expect(plan.leftover).toBeNull();
    expect(plan.transactions[2]).toEqual({
      kind: 'native',
      nonce: 9,
      to: DESTINATION,
      contract: null,
      amount: '5',
      gasLimit: '21000',
    });
  });

  it('tops up only what its native coin lacks, leaving nothing behind', () => {
    const plan = planTopUpAddress({ ...base, native: 100_000n, tokens: twoTokens });
    expect(plan.topUp).toBe(TOKEN_FEES - 100_000n);
    expect(plan.transactions.map((t) => t.kind)).toEqual(['token', 'token']);
    expect(plan.leftover).toBeNull();
  });

  it('needs no top-up when native covers the tokens but not a worthwhile native sweep', () => {
    const native = TOKEN_FEES + NATIVE_FEE + 4n;
    const plan = planTopUpAddress({ ...base, native, nativeThreshold: 5n, tokens: twoTokens });
    expect(plan.topUp).toBe(0n);
    expect(plan.transactions).toHaveLength(2);
    expect(plan.depositFees).toBe(TOKEN_FEES);
    expect(plan.leftover).toEqual({ amount: NATIVE_FEE + 4n, reason: 'below-fee' });
  });

  it('calls what is left below the threshold below-threshold', () => {
    const plan = planTopUpAddress({ ...base, native: TOKEN_FEES + 9n, nativeThreshold: 10n, tokens: twoTokens });
    expect(plan.topUp).toBe(0n);
    expect(plan.leftover).toEqual({ amount: 9n, reason: 'below-threshold' });
  });

  it('sends a native-only balance minus its own fee', () => {
    const plan = planTopUpAddress({ ...base, native: NATIVE_FEE + 1n });
    expect(plan).toEqual({
      topUp: 0n,
      depositFees: NATIVE_FEE,
      leftover: null,
      transactions: [{ kind: 'native', nonce: 7, to: DESTINATION, contract: null, amount: '1', gasLimit: '21000' }],
    });
  });

  it('leaves a native-only balance that its fee would eat entirely', () => {
    const plan = planTopUpAddress({ ...base, native: NATIVE_FEE });
    expect(plan).toEqual({
      topUp: 0n,
      depositFees: 0n,
      transactions: [],
      leftover: { amount: NATIVE_FEE, reason: 'below-fee' },
    });
  });

  it('leaves a native-only balance whose value after the fee is under the threshold', () => {
    const plan = planTopUpAddress({ ...base, native: NATIVE_FEE + 99n, nativeThreshold: 100n });
    expect(plan.transactions).toEqual([]);
    expect(plan.leftover).toEqual({ amount: NATIVE_FEE + 99n, reason: 'below-fee' });
  });

  it('uses the given native transfer gas (a contract destination costs more than 21000)', () => {
    const plan = planTopUpAddress({ ...base, native: 1_000_000n, nativeGasLimit: 30_000n });
    expect(plan.transactions[0]?.amount).toBe('700000');
    expect(plan.transactions[0]?.gasLimit).toBe('30000');
    expect(plan.depositFees).toBe(300_000n);
  });

  it('plans nothing for an empty address', () => {
    expect(planTopUpAddress(base)).toEqual({ topUp: 0n, depositFees: 0n, transactions: [], leftover: null });
  });
});
