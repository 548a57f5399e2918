import type { DepositQuote } from '../../app/recordTransfers.ts';
import type { QuoteStore } from '../../core/ports.ts';

export type WatchedAddresses = {
  readonly isWatched: (lowercaseAddress: `0x${string}`) => boolean;
  readonly find: (lowercaseAddress: string, contract: string | null) => DepositQuote | undefined;
  refresh(nowMs: number): Promise<void>;
};

/** A watched quote, linked to the quote before it at the same address. */
type WatchedDeposit = DepositQuote & {
  readonly watchUntilMs: number;
  /**
   * The next older quote at this address: an order's quotes on one network share its address (all
   * of one order, so all watched until the same moment). Null for the address's first quote.
   */
  readonly older: WatchedDeposit | null;
};

// Quote ids come from a sequence: under concurrency a smaller id can commit after a bigger one was
// read. Quotes created in this window are read again on every refresh, so one that commits late
// is still picked up; quote inserts take milliseconds, the margin covers clock skew between hosts.
const QUOTE_LOOKBACK_MS = 30_000;
// Backstops: a full reload now and then (any quote the lookback missed; it reads every watched
// quote, seconds for 100,000), and a periodic sweep of addresses whose late-payment window closed.
const FULL_RELOAD_INTERVAL_MS = 30 * 60_000;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The network's watched deposit addresses as a hash map (lookup cost independent of how many),
 * loaded incrementally by quote id and dropped once their order's `watch_until` has passed.
 */
export function createWatchedAddresses(
  quotes: Pick<QuoteStore, 'listWatchedQuotes'>,
  networkKey: string,
): WatchedAddresses {
  // Entries hold only what recording needs: with 100,000 addresses a full quote per entry is tens
  // of MB of long-lived heap that every major GC of the scan-heavy watcher walks again. Each maps
  // to its newest quote, which links to the older ones (a list, not an array per address: almost
  // every address has one quote).
  const byAddress = new Map<string, WatchedDeposit>();
  let afterQuoteId = 0;
  let nextFullReloadMs = Number.NEGATIVE_INFINITY;
  let nextSweepMs = Number.NEGATIVE_INFINITY;
  return {
    isWatched: (address) => byAddress.has(address),
    find: (address, contract) => {
      const newest = byAddress.get(address);
      for (let quote = newest ?? null; quote !== null; quote = quote.older) {
        if (quote.contract === contract) return quote;
      }
      return newest;
    },
    async refresh(nowMs) {
      if (nowMs >= nextFullReloadMs) {
        afterQuoteId = 0;
        nextFullReloadMs = nowMs + FULL_RELOAD_INTERVAL_MS;
      }
      const loaded = await quotes.listWatchedQuotes(networkKey, nowMs, afterQuoteId);
      if (afterQuoteId === 0) byAddress.clear();
      let isOldEnough = true;
      for (const quote of loaded) {
        const address = quote.address.toLowerCase();
        byAddress.set(
          address,
          withQuote(byAddress.get(address) ?? null, {
            quoteId: quote.quoteId,
            orderId: quote.orderId,
            contract: quote.contract,
            watchUntilMs: quote.watchUntilMs,
          }),
        );
        // The next refresh starts after the newest quote of an unbroken run of old-enough ones.
        isOldEnough &&= quote.createdAtMs <= nowMs - QUOTE_LOOKBACK_MS;
        if (isOldEnough) afterQuoteId = quote.quoteId;
      }
      if (nowMs >= nextSweepMs) {
        for (const [address, quote] of byAddress) if (quote.watchUntilMs <= nowMs) byAddress.delete(address);
        nextSweepMs = nowMs + SWEEP_INTERVAL_MS;
      }
    },
  };
}

/**
 * The address's quotes with `quote` among them, newest first. A quote read again (the lookback
 * re-reads recent ones) replaces its earlier copy; one that committed late goes to its place by id.
 */
function withQuote(newest: WatchedDeposit | null, quote: Omit<WatchedDeposit, 'older'>): WatchedDeposit {
  if (newest === null || quote.quoteId > newest.quoteId) return { ...quote, older: newest };
  if (quote.quoteId === newest.quoteId) return { ...quote, older: newest.older };
  return { ...newest, older: withQuote(newest.older, quote) };
}
