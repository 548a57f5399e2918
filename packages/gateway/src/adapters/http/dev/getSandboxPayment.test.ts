// Risk: the sandbox wallet's "half" or "1.5×" lands exactly on what is owed (so the under- and overpaid states cannot be reached) or pays the whole price again for the rest of an underpaid order.
import { describe, expect, it } from 'vitest';
import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import type { Quote } from '../../../core/Quote.ts';
import { getSandboxPayment } from './getSandboxPayment.ts';

const quote: Quote = {
  quoteId: 1,
  orderId: 'o1',
  networkKey: 'DEV',
  tokenId: 't',
  symbol: 'USDT',
  contract: '0x00000000000000000000000000000000000000aa',
  decimals: 6,
  tokenRate: '1',
  amount: 19_990_001n,
  address: '0x00000000000000000000000000000000000000bb',
  addressIndex: 0,
  xpubId: 'x',
  createdAtMs: 0,
  pricedAtMs: 0,
};

/** Only the summary matters here; the rest of the state is not read. */
function stateWith(summary: Partial<CheckoutState['summary']>): CheckoutState {
  return { summary: { newestQuote: quote, remainingAmount: 0n, ...summary } } as CheckoutState;
}

describe('getSandboxPayment', () => {
  it('pays nothing before a coin is picked', () => {
    expect(getSandboxPayment(stateWith({ newestQuote: null }), 'exact')).toBeNull();
  });

  it('bases every button on what is still owed: half rounds down, 1.5× rounds up', () => {
    const state = stateWith({ remainingAmount: 19_990_001n });
    expect(getSandboxPayment(state, 'exact')?.amount).toBe(19_990_001n);
    expect(getSandboxPayment(state, 'half')?.amount).toBe(9_995_000n);
    expect(getSandboxPayment(state, 'extra')?.amount).toBe(29_985_002n);
    const rest = stateWith({ remainingAmount: 3n });
    expect(getSandboxPayment(rest, 'half')?.amount).toBe(1n);
    expect(getSandboxPayment(rest, 'extra')?.amount).toBe(5n);
  });

  it('never pays zero, and pays the whole amount again once nothing is owed', () => {
    expect(getSandboxPayment(stateWith({ remainingAmount: 1n }), 'half')?.amount).toBe(1n);
    expect(getSandboxPayment(stateWith({ remainingAmount: 0n }), 'exact')?.amount).toBe(quote.amount);
  });
});
