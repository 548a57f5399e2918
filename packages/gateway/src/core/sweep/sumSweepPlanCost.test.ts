// Guards against a plan that tells the operator to fund the gas wallet with less than the sweep spends.
import { describe, expect, it } from 'vitest';
import type { SweepAddressPlan, SweepBatch } from './SweepPlan.ts';
import { sumSweepPlanCost } from './sumSweepPlanCost.ts';

const USDT = '0x00000000000000000000000000000000000000A1';
const DESTINATION = '0x00000000000000000000000000000000000000d0';
const A1 = '0x00000000000000000000000000000000000000B1';
const A2 = '0x00000000000000000000000000000000000000B2';

function addressPlan(address: `0x${string}`, fields: Partial<SweepAddressPlan>): SweepAddressPlan {
  return {
    index: 0,
    address,
    nonce: 0,
    native: '0',
    tokens: [],
    topUp: '0',
    transactions: [],
    needsAuthorization: false,
    ...fields,
  };
}
const token = (gasLimit: string) =>
  ({ kind: 'token', nonce: 0, to: USDT, contract: USDT, amount: '1', gasLimit }) as const;
const native = { kind: 'native', nonce: 1, to: DESTINATION, contract: null, amount: '1', gasLimit: '21000' } as const;

describe('sumSweepPlanCost', () => {
  it('eip7702: the gas wallet pays every batch gas limit at maxFeePerGas, nothing else', () => {
    const batch = (gasLimit: string): SweepBatch => ({ addresses: [A1], tokens: [[USDT]], gasLimit });
    const cost = sumSweepPlanCost({
      strategy: 'eip7702',
      addresses: [addressPlan(A1, {})],
      batches: [batch('100000'), batch('50000')],
      gasPrice: 7n,
      maxFeePerGas: 3n,
    });
    expect(cost).toEqual({
      gasWalletFeesWei: '450000',
      topUpsWei: '0',
      depositFeesWei: '0',
      gasWalletNeedsWei: '450000',
    });
  });

  it('topup: top-up transfers (21000, or the estimate given) plus top-ups; deposit fees at gasPrice', () => {
    const cost = sumSweepPlanCost({
      strategy: 'topup',
      addresses: [
        addressPlan(A1, { topUp: '340000', transactions: [token('34000')] }),
        addressPlan(A2, { topUp: '300000', transactions: [token('30000')] }),
        // Pays its own gas: no top-up, no gas-wallet fee.
        addressPlan(DESTINATION, { transactions: [token('30000'), native] }),
      ],
      batches: [],
      gasPrice: 10n,
      maxFeePerGas: 99n,
      topUpGasLimits: new Map([[A2.toLowerCase(), 30_000n]]),
    });
    expect(cost).toEqual({
      gasWalletFeesWei: String((21_000n + 30_000n) * 10n),
      topUpsWei: '640000',
      depositFeesWei: String((34_000n + 30_000n + 30_000n + 21_000n) * 10n),
      gasWalletNeedsWei: String(510_000n + 640_000n),
    });
  });
});
