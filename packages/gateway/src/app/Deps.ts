import type { KassaConfig } from '../config/KassaConfig.ts';
import type { QuoteLifetimes } from '../core/getQuoteLifetimeSeconds.ts';
import type { Network } from '../core/network.ts';
import type { Clock, IdSource, Metrics, Store } from '../core/ports.ts';
import type { RateSource } from '../core/RateSource.ts';

/**
 * Everything the use cases and adapters share, built once by `main.ts` and passed down. Tests
 * build the same object with their own clock, ids and database.
 */
export type Deps = {
  readonly config: KassaConfig;
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** The networks on offer (those with an RPC URL), with their tokens. */
  readonly networks: readonly Network[];
  /** USD prices of tokens, read when a quote is made. */
  readonly rateSource: RateSource;
  /** How long a quote of a non-stable coin keeps its price before `refreshQuote` re-prices it. */
  readonly quoteLifetimes: QuoteLifetimes;
  /** The checksummed deposit address at `xpub/0/<index>` (the EVM adapter's derivation). */
  readonly deriveDepositAddress: (xpub: string, index: number) => string;
  /** Counts orders, payments and deliveries for `/metrics`; absent in tests and benchmarks. */
  readonly metrics?: Metrics;
};
