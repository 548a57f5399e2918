import type { FundsLine } from '../ports/FundsStore.ts';
import { createFundsTally, type LedgerEntry } from './createFundsTally.ts';

export type BuildFundsLinesParameters = {
  readonly received: Iterable<LedgerEntry>;
  readonly collected: Iterable<LedgerEntry>;
  /**
   * Native coin that reached a deposit address besides payments (top-ups), and native coin a
   * deposit address spent on its own fees. Neither is a payment or a collection, so neither shows
   * in `received` or `collected`; both change what the address still holds, so both count in
   * `awaiting`. Without them, a topup sweep's native fees would stay "awaiting" for ever, and a
   * top-up's leftover would never show.
   */
  readonly toppedUp?: Iterable<LedgerEntry>;
  readonly spentOnFees?: Iterable<LedgerEntry>;
};

/**
 * The funds ledger per network and asset. What awaits collection is worked out per address and
 * never below zero there: an address swept of more than its payments (a stray transfer, a top-up
 * left over) must not hide what another address still holds. Ordered by network key, then
 * contract with the native coin first.
 *
 * @example
 * buildFundsLines({ received: [{ networkKey: 'BSC', contract: null, address: '0xa', amount: 5n }], collected: [] });
 * // [{ networkKey: 'BSC', contract: null, received: 5n, collected: 0n, awaiting: 5n, awaitingAddresses: 1 }]
 */
export function buildFundsLines({
  received,
  collected,
  toppedUp = [],
  spentOnFees = [],
}: BuildFundsLinesParameters): FundsLine[] {
  const tally = createFundsTally();
  for (const entry of received) tally.add('received', entry);
  for (const entry of collected) tally.add('collected', entry);
  for (const entry of toppedUp) tally.add('gasIn', entry);
  for (const entry of spentOnFees) tally.add('gasOut', entry);
  return tally.lines();
}
