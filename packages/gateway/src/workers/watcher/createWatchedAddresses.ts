import type { DepositQuote } from '../../app/recordTransfers.ts';
import type { QuoteStore } from '../../core/ports.ts';

export type WatchedAddresses = {
  readonly isWatched: (lowercaseAddress: `0x${string}`) => boolean;
  readonly find: (lowercaseAddress: string, contract: string | null) => DepositQuote | undefined;
  refresh(nowMs: number): Promise<void>;
  /** Addresses held now: every address of a watched order, none past its `watch_until` for long. */
  size(): number;
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
// Quotes read per query: a full reload of 100,000 rows at once left ~100 MB of garbage behind, and
// V8 keeps the heap it grew for it (RSS) long after collecting it.
export const WATCHED_QUOTES_PAGE_SIZE = 2_000;

/**
 * The network's watched deposit addresses as a hash map (lookup cost independent of how many),
 * loaded incrementally by quote id and dropped once their order's `watch_until` has passed.
 */
export function createWatchedAddresses(
  quotes: Pick<QuoteStore, 'listWatchedQuotes'>,
  networkKey: string,
  { pageSize = WATCHED_QUOTES_PAGE_SIZE }: { readonly pageSize?: number } = {},
): WatchedAddresses {
  // Entries hold only what recording needs: with 100,000 addresses a full quote per entry is tens
  // of MB of long-lived heap that every major GC of the scan-heavy watcher walks again. Each maps
  // to its newest quote, which links to the older ones (a list, not an array per address: almost
  // every address has one quote). One entry costs about 200 bytes (bench/memory.ts).
  const byAddress = new Map<string, WatchedDeposit>();
  // Each row read brings its own copy of the token contract; the network has a handful of them.
  const contracts = new Map<string, string>();
  const intern = (contract: string | null) => {
    if (contract === null) return null;
    const known = contracts.get(contract);
    if (known !== undefined) return known;
    contracts.set(contract, contract);
    return contract;
  };
  let afterQuoteId = 0;
  let nextFullReloadMs = Number.NEGATIVE_INFINITY;
  let nextSweepMs = Number.NEGATIVE_INFINITY;
  return {
    isWatched: (address) => byAddress.has(address),
    size: () => byAddress.size,
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
      // Should a page fail, the next refresh goes on from `afterQuoteId`: what was loaded stays.
      const isFullReload = afterQuoteId === 0;
      let isOldEnough = true;
      for (let pageAfterId = afterQuoteId, isFirstPage = true; ; isFirstPage = false) {
        const loaded = await quotes.listWatchedQuotes(networkKey, nowMs, pageAfterId, pageSize);
        if (isFullReload && isFirstPage) byAddress.clear();
        for (const quote of loaded) {
          const address = quote.address.toLowerCase();
          const deposit = toDeposit(quote.quoteId, quote.orderId, intern(quote.contract), quote.watchUntilMs, null);
          byAddress.set(address, withQuote(byAddress.get(address) ?? null, deposit));
          // The next refresh starts after the newest quote of an unbroken run of old-enough ones.
          isOldEnough &&= quote.createdAtMs <= nowMs - QUOTE_LOOKBACK_MS;
          if (isOldEnough) afterQuoteId = quote.quoteId;
          pageAfterId = quote.quoteId;
        }
        if (loaded.length < pageSize) break;
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
function withQuote(newest: WatchedDeposit | null, quote: WatchedDeposit): WatchedDeposit {
  const { quoteId, orderId, contract, watchUntilMs } = quote;
  if (newest === null || quoteId > newest.quoteId) return toDeposit(quoteId, orderId, contract, watchUntilMs, newest);
  if (quoteId === newest.quoteId) return toDeposit(quoteId, orderId, contract, watchUntilMs, newest.older);
  return toDeposit(
    newest.quoteId,
    newest.orderId,
    newest.contract,
    newest.watchUntilMs,
    withQuote(newest.older, quote),
  );
}

/**
 * Every entry built by this one literal, so all share one hidden class: built by spreading, each
 * got a hidden class and descriptor array of its own (some 250 bytes an entry, bench/memory.ts).
 */
function toDeposit(
  quoteId: number,
  orderId: string,
  contract: string | null,
  watchUntilMs: number,
  older: WatchedDeposit | null,
): WatchedDeposit {
  return { quoteId, orderId, contract, watchUntilMs, older };
}
