// Risk: funds still on one deposit address hidden by another address swept of more than it was paid,
// or lines in an order the operator cannot scan (native coin first, networks alphabetical).
import { describe, expect, it } from 'vitest';
import { buildFundsLines } from './buildFundsLines.ts';
import type { LedgerEntry } from './createFundsTally.ts';

const entry = (networkKey: string, contract: string | null, address: string, amount: bigint): LedgerEntry => ({
  networkKey,
  contract,
  address,
  amount,
});

describe('buildFundsLines', () => {
  it('is empty for an empty ledger', () => {
    expect(buildFundsLines({ received: [], collected: [] })).toEqual([]);
  });

  it('works out awaiting per address, never below zero, and counts the addresses', () => {
    const lines = buildFundsLines({
      received: [entry('BSC', '0xt', '0xa', 10n), entry('BSC', '0xt', '0xa', 5n), entry('BSC', '0xt', '0xb', 7n)],
      collected: [entry('BSC', '0xt', '0xa', 12n), entry('BSC', '0xt', '0xb', 9n), entry('BSC', '0xt', '0xc', 1n)],
    });
    // Totals say 22 in, 22 out; per address 3 is still on 0xa.
    expect(lines).toEqual([
      { networkKey: 'BSC', contract: '0xt', received: 22n, collected: 22n, awaiting: 3n, awaitingAddresses: 1 },
    ]);
  });

  it('keeps networks and assets apart, ordered by network then contract, native first', () => {
    const lines = buildFundsLines({
      received: [
        entry('ETH', '0xb', '0xa', 1n),
        entry('BSC', '0xa', '0xa', 2n),
        entry('ETH', null, '0xa', 3n),
        entry('ETH', '0xa', '0xa', 4n),
      ],
      collected: [entry('ARBITRUM', null, '0xa', 5n)],
    });
    expect(lines.map((l) => [l.networkKey, l.contract, l.received, l.collected, l.awaiting])).toEqual([
      ['ARBITRUM', null, 0n, 5n, 0n],
      ['BSC', '0xa', 2n, 0n, 2n],
      ['ETH', null, 3n, 0n, 3n],
      ['ETH', '0xa', 4n, 0n, 4n],
      ['ETH', '0xb', 1n, 0n, 1n],
    ]);
  });

  it('adds exactly past 2^64', () => {
    const big = 2n ** 80n + 1n;
    const [line] = buildFundsLines({
      received: [entry('ETH', null, '0xa', big), entry('ETH', null, '0xb', big)],
      collected: [],
    });
    expect(line?.received).toBe(2n * big);
    expect(line?.awaiting).toBe(2n * big);
    expect(line?.awaitingAddresses).toBe(2);
  });
});
