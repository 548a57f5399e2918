// Guards against sweeping dust the operator chose to leave, or leaving balances that were meant to move.
import { describe, expect, it } from 'vitest';
import { splitTokenDust } from './splitTokenDust.ts';

const ADDRESS = '0x00000000000000000000000000000000000000Ad';
const USDT = '0x00000000000000000000000000000000000000A1';
const USDC = '0x00000000000000000000000000000000000000A2';
const balance = (contract: `0x${string}`, symbol: string, amount: bigint) => ({
  contract,
  symbol,
  decimals: 6,
  amount,
});

describe('splitTokenDust', () => {
  it('sweeps balances at or above the threshold, lists those below, skips zero', () => {
    const result = splitTokenDust({
      address: ADDRESS,
      index: 4,
      balances: [balance(USDT, 'USDT', 1_000n), balance(USDC, 'USDC', 999n)],
      // Keys are lower-case contracts, whatever case the network spells them in.
      thresholds: new Map([
        [USDT.toLowerCase(), 1_000n],
        [USDC.toLowerCase(), 1_000n],
      ]),
    });
    expect(result.tokens).toEqual([{ contract: USDT, symbol: 'USDT', decimals: 6, amount: '1000' }]);
    expect(result.dust).toEqual([
      { address: ADDRESS, index: 4, contract: USDC, symbol: 'USDC', amount: '999', reason: 'below-threshold' },
    ]);
  });

  it('sweeps any non-zero balance of a token without a threshold and mentions no zero balance', () => {
    const result = splitTokenDust({
      address: ADDRESS,
      index: 0,
      balances: [balance(USDT, 'USDT', 1n), balance(USDC, 'USDC', 0n)],
      thresholds: new Map([[USDC.toLowerCase(), 5n]]),
    });
    expect(result.tokens.map((t) => t.symbol)).toEqual(['USDT']);
    expect(result.dust).toEqual([]);
  });
});
