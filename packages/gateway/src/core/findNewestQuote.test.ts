// Guards against showing the buyer an older quote than the one they last picked.
import { describe, expect, it } from 'vitest';
import { findNewestQuote } from './findNewestQuote.ts';
import type { Quote } from './Quote.ts';

const quote = (quoteId: number): Quote => ({
  quoteId,
  orderId: 'o-1',
  networkKey: 'DEV',
  tokenId: `t-${quoteId}`,
  symbol: 'USDT',
  contract: null,
  decimals: 6,
  tokenRate: '1',
  amount: 10_000_000n,
  address: '0xabc',
  addressIndex: 0,
  xpubId: 'x',
  createdAtMs: 0,
  pricedAtMs: 0,
});

describe('findNewestQuote', () => {
  it('picks the highest quote id, whatever the order of the list', () => {
    expect(findNewestQuote([quote(2), quote(7), quote(3)])?.quoteId).toBe(7);
    expect(findNewestQuote([quote(1), quote(2)])?.quoteId).toBe(2);
  });

  it('is null before any coin was picked', () => {
    expect(findNewestQuote([])).toBeNull();
  });
});
