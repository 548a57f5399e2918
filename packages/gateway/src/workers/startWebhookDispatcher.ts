import { createCachedAppLookup } from '../adapters/db/createCachedAppLookup.ts';
import { createConcurrencyLimiter } from '../adapters/webhooks/createConcurrencyLimiter.ts';
import type { WebhookSender } from '../adapters/webhooks/createWebhookSender.ts';
import type { Deps } from '../app/Deps.ts';
import type { FinishedAttempt } from '../core/ports.ts';
import { attemptDelivery } from './dispatcher/attemptDelivery.ts';
import { createDeliveryRunner } from './dispatcher/createDeliveryRunner.ts';
import { createOriginSlots } from './dispatcher/createOriginSlots.ts';
import { createOutcomeBatcher } from './dispatcher/createOutcomeBatcher.ts';
import { createWaker } from './dispatcher/createWaker.ts';
import { logAttempt } from './dispatcher/logAttempt.ts';
import { type DispatchWants, runDispatchLoop } from './dispatcher/runDispatchLoop.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from './WorkerLogger.ts';

export type WebhookDispatcherDeps = Pick<Deps, 'config' | 'store' | 'clock' | 'metrics'> & {
  /** How webhooks leave (`createWebhookSender`); the dispatcher closes it once stopped. */
  readonly webhookSender: WebhookSender;
};

export type StartWebhookDispatcherParameters = {
  /** Aborting stops leasing; attempts in flight finish (or their lease expires) before the promise resolves. */
  readonly signal: AbortSignal;
  /** Names this dispatcher in `lease_owner`: unique per process (host, pid, random part). */
  readonly owner: string;
  /**
   * How often to look for due deliveries when idle. Default 200: the fallback for wake-ups that
   * never came (a lost connection, a SQLite CLI command in another process) and the clock for retries.
   */
  readonly pollIntervalMs?: number;
  /** Scan as soon as a commit makes deliveries due (`store.deliveryWakeups`). Default true; off, only polling. */
  readonly wakeOnCommit?: boolean;
  /** How long a leased delivery is ours. Default `2 × webhooks.timeoutMs + 60 s`: past a wait and an attempt. */
  readonly leaseMs?: number;
  readonly logger?: WorkerLogger;
};

const DEFAULT_POLL_INTERVAL_MS = 200;
const LEASE_MARGIN_MS = 60_000;
// Deliveries leased per slot: the one running and one waiting behind it, so a freed slot starts
// its next attempt at once and the queue is read once per batch rather than once per delivery.
// A dead endpoint still holds no more than twice its slots.
const LEASES_PER_SLOT = 2;
// Saturated endpoints are skipped in the query itself; past this many the list would outgrow it.
const MAX_EXCLUDED_URLS = 200;
const MAX_OUTCOMES_PER_BATCH = 500;

/**
 * The webhook dispatcher: leases due deliveries, posts each with a fresh signature through
 * `webhookSender`, records every attempt and schedules the next (spec §7). Concurrency is bounded
 * globally and per endpoint origin, and only as many deliveries are leased as the slots can take
 * (each slot's running attempt and one waiting), so a dead endpoint holds its own few slots and
 * nothing else. Resolves after a graceful stop.
 */
export async function startWebhookDispatcher(
  { config, store, clock, webhookSender, metrics }: WebhookDispatcherDeps,
  {
    signal,
    owner,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
    leaseMs,
    wakeOnCommit = true,
    logger = SILENT_WORKER_LOGGER,
  }: StartWebhookDispatcherParameters,
): Promise<void> {
  const { timeoutMs, retryScheduleSeconds, concurrency, perEndpointConcurrency } = config.webhooks;
  const maxHeld = LEASES_PER_SLOT * concurrency;
  const slots = createOriginSlots({
    perOriginConcurrency: perEndpointConcurrency,
    leasesPerSlot: LEASES_PER_SLOT,
    maxSaturatedUrls: MAX_EXCLUDED_URLS,
  });
  const waker = createWaker(signal);
  const wants: DispatchWants = { refillUrls: new Set(), isScanRequested: false, isNewWorkDue: false };
  const apps = createCachedAppLookup(store.apps, clock);
  const outcomes = createOutcomeBatcher<FinishedAttempt>({
    maxBatchSize: MAX_OUTCOMES_PER_BATCH,
    write: (batch) => store.deliveries.finishAttempts(owner, batch),
  });
  const runner = createDeliveryRunner({
    limiter: createConcurrencyLimiter({ maxConcurrent: concurrency, maxConcurrentPerKey: perEndpointConcurrency }),
    slots,
    maxHeld,
    logger,
    attempt: (delivery) =>
      attemptDelivery({ apps, clock, sender: webhookSender }, { delivery, scheduleSeconds: retryScheduleSeconds }),
    record: async (delivery, finished) =>
      logAttempt(logger, delivery, finished, await outcomes.record(finished), metrics),
    onAnswered: ({ url, isRefillable, wasFull }) => {
      if (isRefillable) wants.refillUrls.add(url);
      // Room for any endpoint: look at the whole queue again.
      if (wasFull) wants.isScanRequested = true;
      // Other answers change nothing the queue could fill: reading it then would be wasted.
      if (isRefillable || wasFull) waker.wake();
    },
  });
  const unsubscribe = wakeOnCommit
    ? store.deliveryWakeups.subscribe(
        () => {
          wants.isNewWorkDue = true;
          waker.wake();
        },
        (error) => logger.warn({ err: error }, 'webhook wake-ups interrupted; reconnecting, polling meanwhile'),
      )
    : async () => {};
  try {
    await runDispatchLoop({
      store,
      clock,
      signal,
      owner,
      pollIntervalMs,
      // A waiting delivery starts within one attempt's time, then takes at most one more.
      leaseDurationMs: leaseMs ?? LEASES_PER_SLOT * timeoutMs + LEASE_MARGIN_MS,
      maxHeld,
      slots,
      runner,
      waker,
      wants,
      logger,
    });
    await runner.settle();
  } finally {
    await unsubscribe();
    await webhookSender.close();
  }
}
