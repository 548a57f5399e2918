import type { ConcurrencyLimiter } from '../../adapters/webhooks/createConcurrencyLimiter.ts';
import type { LeasedDelivery } from '../../core/Delivery.ts';
import type { FinishedAttempt } from '../../core/ports.ts';
import type { WorkerLogger } from '../WorkerLogger.ts';
import type { OriginSlots } from './createOriginSlots.ts';
import { originOf } from './originOf.ts';

/** What an answer changed: whether the queue has something to fill now. */
export type DeliveryAnswered = {
  readonly url: string;
  /** The answer drained its origin's waiting half: refill that endpoint. */
  readonly isRefillable: boolean;
  /** Every lease was held before the answer: there is room for any endpoint again. */
  readonly wasFull: boolean;
};

export type CreateDeliveryRunnerParameters = {
  readonly limiter: ConcurrencyLimiter;
  readonly slots: OriginSlots;
  /** Leased deliveries held at most, running and waiting. */
  readonly maxHeld: number;
  /** Makes the attempt; null when it was not made (the lease was lost before the request left). */
  readonly attempt: (delivery: LeasedDelivery) => Promise<FinishedAttempt | null>;
  readonly record: (delivery: LeasedDelivery, finished: FinishedAttempt) => Promise<void>;
  readonly onAnswered: (answered: DeliveryAnswered) => void;
  readonly logger: WorkerLogger;
};

export type DeliveryRunner = {
  /** Leased deliveries not yet answered: running, or waiting for their slot. */
  countHeld(): number;
  /** Runs the delivery's attempt once its endpoint has a free slot, then records the outcome. */
  launch(delivery: LeasedDelivery): void;
  /** Ids of the launched deliveries whose attempt has not started: their leases are the short ones. */
  listWaiting(): string[];
  /**
   * Starts no more attempts: the waiting deliveries are dropped (their slots come free without an
   * attempt) and their ids returned, so their leases can be handed back.
   */
  stopStarting(): string[];
  /** Resolves once every launched attempt has its outcome written (or given up on). */
  settle(): Promise<void>;
};

/** Runs leased deliveries through the concurrency limiter, keyed by their endpoint's origin. */
export function createDeliveryRunner({
  limiter,
  slots,
  maxHeld,
  attempt,
  record,
  onAnswered,
  logger,
}: CreateDeliveryRunnerParameters): DeliveryRunner {
  const held = new Set<string>();
  // Launched, not yet started: an attempt starts only if its delivery is still here.
  const waiting = new Set<string>();
  let isStopped = false;
  // Attempts whose outcome is not written yet (their HTTP part may be over): a stop waits for them.
  const unfinished = new Set<Promise<void>>();
  return {
    countHeld: () => held.size,
    launch(delivery) {
      slots.hold(delivery.url);
      if (!isStopped) waiting.add(delivery.deliveryId);
      const running = limiter
        .run(originOf(delivery.url), async () => (waiting.delete(delivery.deliveryId) ? attempt(delivery) : null))
        .finally(() => {
          // The endpoint's slot is free once its answer is in; the lease covers the write that follows.
          const isRefillable = slots.release(delivery.url);
          const wasFull = held.size >= maxHeld;
          held.delete(delivery.deliveryId);
          onAnswered({ url: delivery.url, isRefillable, wasFull });
        })
        .then((finished) => (finished === null ? undefined : record(delivery, finished)))
        .catch((error: unknown) => {
          // The lease runs out and the delivery is tried again: at least once, never lost.
          logger.error(
            { deliveryId: delivery.deliveryId, err: error },
            'webhook attempt could not be started or recorded',
          );
        })
        .finally(() => unfinished.delete(running));
      held.add(delivery.deliveryId);
      unfinished.add(running);
    },
    listWaiting: () => [...waiting],
    stopStarting() {
      isStopped = true;
      const dropped = [...waiting];
      waiting.clear();
      return dropped;
    },
    settle: async () => {
      await Promise.allSettled(unfinished);
    },
  };
}
