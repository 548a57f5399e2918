// Guards against a plan promising the destination more (or less) than its transactions move.
import { describe, expect, it } from 'vitest';
import type { SweepAddressPlan } from './SweepPlan.ts';
import { sumSweepTotals } from './sumSweepTotals.ts';

const USDT = '0x00000000000000000000000000000000000000A1';
const USDC = '0x00000000000000000000000000000000000000A2';
const DESTINATION = '0x00000000000000000000000000000000000000d0';
const ETH = { symbol: 'ETH', decimals: 18 };

const usdt = (amount: string) => ({ contract: USDT, symbol: 'USDT', decimals: 6, amount }) as const;
const usdc = (amount: string) => ({ contract: USDC, symbol: 'USDC', decimals: 6, amount }) as const;

function addressPlan(index: number, fields: Partial<SweepAddressPlan>): SweepAddressPlan {
  return {
    index,
    address: `0x${String(index).padStart(40, '0')}`,
    nonce: 0,
    native: '0',
    tokens: [],
    topUp: '0',
    transactions: [],
    needsAuthorization: false,
    ...fields,
  };
}

describe('sumSweepTotals', () => {
  it('eip7702: sums every token and the whole native balance of each batched address', () => {
    const addresses = [
      addressPlan(1, { native: '1000', tokens: [usdt('5'), usdc('7')] }),
      addressPlan(2, { native: '24', tokens: [usdc('3')] }),
    ];
    expect(sumSweepTotals({ strategy: 'eip7702', addresses, native: ETH })).toEqual([
      { contract: null, symbol: 'ETH', decimals: 18, amount: '1024' },
      usdt('5'),
      usdc('10'),
    ]);
  });

  it('topup: counts native only as the native transactions send it (balance minus fees)', () => {
    const token = { kind: 'token', nonce: 0, to: USDT, contract: USDT, amount: '5', gasLimit: '1' } as const;
    const native = { kind: 'native', nonce: 1, to: DESTINATION, contract: null, amount: '600', gasLimit: '1' } as const;
    const addresses = [
      addressPlan(1, { native: '1000', tokens: [usdt('5')], transactions: [token, native] }),
      // Topped up: its native coin pays gas and reaches nobody.
      addressPlan(2, { native: '9', tokens: [usdt('2')], topUp: '50', transactions: [{ ...token, amount: '2' }] }),
    ];
    expect(sumSweepTotals({ strategy: 'topup', addresses, native: ETH })).toEqual([
      { contract: null, symbol: 'ETH', decimals: 18, amount: '600' },
      usdt('7'),
    ]);
  });

  it('is empty when nothing moves', () => {
    expect(sumSweepTotals({ strategy: 'topup', addresses: [addressPlan(3, { native: '5' })], native: ETH })).toEqual(
      [],
    );
  });
});
