import type { OrderKind } from '../Order.ts';
import type { DeliveryOutcome } from './DeliveryStore.ts';

/** Where one network's watcher stands after a committed range. */
export type WatcherProgress = {
  /** The node's head when the range was chosen. */
  readonly headBlock: bigint;
  /** The next block to scan: everything below it is recorded. */
  readonly nextBlock: bigint;
};

/**
 * What the use cases and workers count for the operator (`/metrics`). Every method is cheap and
 * never throws; where none is given (tests, benchmarks), nothing is counted.
 */
export type Metrics = {
  /** A new order was stored (not a retry that returned an existing one). */
  countOrderCreated(kind: OrderKind): void;
  /** A committed transaction moved this many orders from unpaid to paid. */
  countOrdersPaid(count: number): void;
  /** One webhook attempt, by what it led to: delivered, tried again later, or out of attempts. */
  countDeliveryAttempt(outcome: DeliveryOutcome['state']): void;
  /** A network's watcher committed a range. */
  observeWatcher(networkKey: string, progress: WatcherProgress): void;
};
