import type { ChainReader, HeadEvent } from '../../core/ChainReader.ts';
import type { WorkerLogger } from '../WorkerLogger.ts';

/** How a caught-up watcher waits for the next block. */
export type HeadWaiter = {
  /** Resolves on a new head announced since the last wait, after the interval, or on abort. */
  wait(): Promise<void>;
};

export type CreateHeadWaiterParameters = {
  readonly chain: Pick<ChainReader, 'watchHeads'>;
  /** Bound to the network: its lines carry `network`. */
  readonly logger: WorkerLogger;
  /** Aborting ends the subscription. */
  readonly signal: AbortSignal;
  /** The wait while no subscription is live: polling. */
  readonly pollIntervalMs: number;
  /** The wait while subscribed: a backstop for an announcement the node never sent. */
  readonly subscribedPollIntervalMs: number;
};

/**
 * Follows the head by the chain's `newHeads` subscription where it has one, by polling otherwise
 * or while the subscription is down. An announcement only ends the wait early: the stored cursor
 * still decides what is scanned, so a lost announcement or a dropped socket skips no block. An
 * announcement that comes while the watcher is busy is kept, so the next wait returns at once.
 */
export function createHeadWaiter(p: CreateHeadWaiterParameters): HeadWaiter {
  const { logger, signal } = p;
  let isSubscribed = false;
  let hasNews = false;
  let wake: (() => void) | null = null;
  const onEvent = (event: HeadEvent) => {
    // Wakes on a head; on 'up' (heads may have been missed meanwhile); and when a live subscription
    // goes down (the wait turns to polling), not on each failed reconnect after that.
    const isNews = event.kind !== 'down' || isSubscribed;
    switch (event.kind) {
      case 'head':
        break;
      case 'up':
        isSubscribed = true;
        logger.info({}, 'chain watcher follows the head by newHeads subscription');
        break;
      case 'down':
        isSubscribed = false;
        logger.warn(
          { err: event.error, retryInMs: event.retryInMs, pollIntervalMs: p.pollIntervalMs },
          'newHeads subscription is down; polling the head until it is back',
        );
        break;
      default:
        event satisfies never;
    }
    if (!isNews) return;
    hasNews = true;
    wake?.();
  };
  p.chain.watchHeads?.(onEvent, signal);
  return {
    wait() {
      if (hasNews || signal.aborted) {
        hasNews = false;
        return Promise.resolve();
      }
      const waitMs = isSubscribed ? p.subscribedPollIntervalMs : p.pollIntervalMs;
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wake = null;
          hasNews = false;
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
      });
    },
  };
}
