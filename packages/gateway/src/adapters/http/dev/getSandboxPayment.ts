import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import type { Quote } from '../../../core/Quote.ts';

/** The sandbox wallet's buttons: what is still owed, half of it, or half again as much. */
export const SANDBOX_PORTIONS = ['exact', 'half', 'extra'] as const;
export type SandboxPortion = (typeof SANDBOX_PORTIONS)[number];

/** What one sandbox-wallet button pays: into which quote's address, how many base units. */
export type SandboxPayment = { readonly quote: Quote; readonly amount: bigint };

/**
 * The payment a sandbox-wallet button makes for an order in this state, or null before a coin was
 * picked. The base is what is still owed in the newest quote's coin (the whole amount again once
 * nothing is owed), so "half" then "exact" pays an order in full. Half rounds down and 1.5× rounds
 * up, so each stays strictly under or over what is owed.
 */
export function getSandboxPayment(state: CheckoutState, portion: SandboxPortion): SandboxPayment | null {
  const quote = state.summary.newestQuote;
  if (quote === null) return null;
  const owed = state.summary.remainingAmount > 0n ? state.summary.remainingAmount : quote.amount;
  switch (portion) {
    case 'exact':
      return { quote, amount: owed };
    case 'half':
      return { quote, amount: owed / 2n > 0n ? owed / 2n : 1n };
    case 'extra':
      return { quote, amount: (owed * 3n + 1n) / 2n };
  }
}
