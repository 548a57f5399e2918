import { createCachedAppLookup } from '../adapters/db/createCachedAppLookup.ts';
import { createConcurrencyLimiter } from '../adapters/webhooks/createConcurrencyLimiter.ts';
import type { WebhookSender } from '../adapters/webhooks/createWebhookSender.ts';
import type { Deps } from '../app/Deps.ts';
import type { LeasedDelivery } from '../core/Delivery.ts';
import type { AttemptStart, FinishedAttempt } from '../core/ports.ts';
import { attemptDelivery } from './dispatcher/attemptDelivery.ts';
import { createDeliveryRunner } from './dispatcher/createDeliveryRunner.ts';
import { createOriginSlots } from './dispatcher/createOriginSlots.ts';
import { createOutcomeBatcher } from './dispatcher/createOutcomeBatcher.ts';
import { createWaker, type Waker } from './dispatcher/createWaker.ts';
import { cutAfterStop } from './dispatcher/cutAfterStop.ts';
import { logAttempt } from './dispatcher/logAttempt.ts';
import { type DispatchWants, runDispatchLoop } from './dispatcher/runDispatchLoop.ts';
import { startLeaseRenewal } from './dispatcher/startLeaseRenewal.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from './WorkerLogger.ts';

export type WebhookDispatcherDeps = Pick<Deps, 'config' | 'store' | 'clock' | 'metrics'> & {
  /** How webhooks leave (`createWebhookSender`); the dispatcher closes it once stopped. */
  readonly webhookSender: WebhookSender;
};

export type StartWebhookDispatcherParameters = {
  /**
   * Aborting stops at once: no new attempt starts, the leases of deliveries not started are handed
   * back, and the promise resolves once the attempts in flight are answered and recorded, or cut
   * short after `stopGraceMs` and recorded as interrupted.
   */
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
  /**
   * How long a delivery leased and waiting for its slot is ours; renewed while this dispatcher
   * lives, so a dead one's waiting deliveries are taken by another within it. An attempt, once
   * started, holds its delivery for `webhooks.timeoutMs` plus this. Default 5 s.
   */
  readonly leaseMs?: number;
  /**
   * How long after the abort attempts in flight may run before they are cut short. Default
   * `server.shutdownGraceMs` − 2 s: what remains records them before the process must exit.
   */
  readonly stopGraceMs?: number;
  readonly logger?: WorkerLogger;
};

const DEFAULT_POLL_INTERVAL_MS = 200;
// Short, so a dead dispatcher's waiting deliveries go to another within seconds. Leasing only what
// is about to be sent would do without renewals, but the waiting half lets a freed slot start its
// next attempt at once; one renewal statement a second costs less than a queue read per slot.
const DEFAULT_LEASE_MS = 5_000;
// Kept of the process's grace period to record cut attempts, hand leases back and close.
const STOP_RECORD_MARGIN_MS = 2_000;
// Deliveries leased per slot: the one running and one waiting behind it, so a freed slot starts
// its next attempt at once and the queue is read once per batch rather than once per delivery.
// A dead endpoint still holds no more than twice its slots.
const LEASES_PER_SLOT = 2;
// Saturated endpoints are skipped in the query itself; past this many the list would outgrow it.
const MAX_EXCLUDED_URLS = 200;
const MAX_OUTCOMES_PER_BATCH = 500;

/**
 * The webhook dispatcher: leases due deliveries, posts each with a fresh signature through
 * `webhookSender`, records every attempt (its row written before the request leaves) and schedules
 * the next (spec §7). Concurrency is bounded globally and per endpoint origin, and only as many
 * deliveries are leased as the slots can take (each slot's running attempt and one waiting), so a
 * dead endpoint holds its own few slots and nothing else. Resolves after a graceful stop.
 */
export async function startWebhookDispatcher(
  { config, store, clock, webhookSender, metrics }: WebhookDispatcherDeps,
  {
    signal,
    owner,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
    leaseMs = DEFAULT_LEASE_MS,
    stopGraceMs = Math.max(0, config.server.shutdownGraceMs - STOP_RECORD_MARGIN_MS),
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
  const cut = cutAfterStop(signal, stopGraceMs);
  const starts = createOutcomeBatcher<AttemptStart, number | null>({
    maxBatchSize: MAX_OUTCOMES_PER_BATCH,
    write: (batch) => store.deliveries.startAttempts(owner, batch),
  });
  const outcomes = createOutcomeBatcher<FinishedAttempt, boolean>({
    maxBatchSize: MAX_OUTCOMES_PER_BATCH,
    write: (batch) => store.deliveries.finishAttempts(owner, batch),
  });
  // Started, an attempt holds its delivery past its own timeout and the write of its outcome.
  const begin = async ({ deliveryId }: LeasedDelivery, startedAtMs: number) =>
    (await starts.record({ deliveryId, startedAtMs, leaseUntilMs: startedAtMs + timeoutMs + leaseMs })) ?? null;
  const runner = createDeliveryRunner({
    limiter: createConcurrencyLimiter({ maxConcurrent: concurrency, maxConcurrentPerKey: perEndpointConcurrency }),
    slots,
    maxHeld,
    logger,
    attempt: (delivery) =>
      attemptDelivery(
        { apps, clock, sender: webhookSender, begin },
        { delivery, scheduleSeconds: retryScheduleSeconds, cutSignal: cut.signal },
      ),
    record: async (delivery, finished) =>
      logAttempt(logger, delivery, finished, (await outcomes.record(finished)) ?? false, metrics),
    onAnswered: ({ url, isRefillable, wasFull }) => {
      if (isRefillable) wants.refillUrls.add(url);
      // Room for any endpoint: look at the whole queue again.
      if (wasFull) wants.isScanRequested = true;
      // Other answers change nothing the queue could fill: reading it then would be wasted.
      if (isRefillable || wasFull) waker.wake();
    },
  });
  const stopRenewal = startLeaseRenewal({
    deliveries: store.deliveries,
    clock,
    owner,
    leaseMs,
    listWaiting: runner.listWaiting,
    logger,
  });
  const unsubscribe = subscribeToWakeups(store, wakeOnCommit, waker, wants, logger);
  // On abort the waiting deliveries go back at once, not after the attempts ahead of them.
  const handedBack = new Promise<void>((resolve) => {
    const handBack = () =>
      store.deliveries
        .releaseLeases(owner, runner.stopStarting())
        .catch((error: unknown) => logger.warn({ err: error }, 'webhook leases could not be handed back; they run out'))
        .finally(resolve);
    if (signal.aborted) void handBack();
    else signal.addEventListener('abort', () => void handBack(), { once: true });
  });
  try {
    await runDispatchLoop({
      store,
      clock,
      signal,
      owner,
      pollIntervalMs,
      leaseDurationMs: leaseMs,
      maxHeld,
      slots,
      runner,
      waker,
      wants,
      logger,
    });
    await handedBack;
    await runner.settle();
  } finally {
    cut.dispose();
    await stopRenewal();
    await unsubscribe();
    await webhookSender.close();
  }
}

/** Scans as soon as a commit makes deliveries due, when asked to; returns the unsubscribe. */
function subscribeToWakeups(
  store: WebhookDispatcherDeps['store'],
  wakeOnCommit: boolean,
  waker: Waker,
  wants: DispatchWants,
  logger: WorkerLogger,
): () => Promise<void> {
  if (!wakeOnCommit) return async () => {};
  return store.deliveryWakeups.subscribe(
    () => {
      wants.isNewWorkDue = true;
      waker.wake();
    },
    (error) => logger.warn({ err: error }, 'webhook wake-ups interrupted; reconnecting, polling meanwhile'),
  );
}
