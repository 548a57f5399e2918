import { sign } from '@kassa/sdk';
import { createCachedAppLookup } from '../adapters/db/createCachedAppLookup.ts';
import { createConcurrencyLimiter } from '../adapters/webhooks/createConcurrencyLimiter.ts';
import { createGuardedAgent } from '../adapters/webhooks/createGuardedAgent.ts';
import { parseCidrList } from '../adapters/webhooks/parseCidrList.ts';
import { type PostWebhookReturnType, postWebhook } from '../adapters/webhooks/postWebhook.ts';
import type { Deps } from '../app/Deps.ts';
import type { LeasedDelivery } from '../core/Delivery.ts';
import { getNextAttemptAt } from '../core/getRetryDelay.ts';
import type { DeliveryOutcome, DueDelivery, FinishedAttempt } from '../core/ports.ts';
import { withOrderStatus } from '../core/withOrderStatus.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from './WorkerLogger.ts';

export type StartWebhookDispatcherParameters = {
  /** Aborting stops leasing; attempts in flight finish (or their lease expires) before the promise resolves. */
  readonly signal: AbortSignal;
  /** Names this dispatcher in `lease_owner`: unique per process (host, pid, random part). */
  readonly owner: string;
  /** How often to look for due deliveries when idle. Default 200. */
  readonly pollIntervalMs?: number;
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
// Due rows read per free slot: enough to fill the slots even when some belong to busy endpoints.
const CANDIDATES_PER_FREE_SLOT = 2;
const MAX_CANDIDATES = 2_000;
// Saturated endpoints are skipped in the query itself; past this many the list would outgrow it.
const MAX_EXCLUDED_URLS = 200;
const MAX_ERROR_BACKOFF_MS = 5_000;
const MAX_OUTCOMES_PER_BATCH = 500;
const COALESCE_MS = 2;

type DispatcherDeps = Pick<Deps, 'config' | 'store' | 'clock'>;

/**
 * The webhook dispatcher: leases due deliveries, posts each with a fresh signature through the
 * address-guarded agent, records every attempt and schedules the next (spec §7). Concurrency is
 * bounded globally and per endpoint origin, and only as many deliveries are leased as the slots
 * can take (each slot's running attempt and one waiting), so a dead endpoint holds its own few
 * slots and nothing else. Resolves after a graceful stop.
 */
export async function startWebhookDispatcher(
  deps: DispatcherDeps,
  {
    signal,
    owner,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
    leaseMs,
    logger = SILENT_WORKER_LOGGER,
  }: StartWebhookDispatcherParameters,
): Promise<void> {
  const { config, store, clock } = deps;
  const { timeoutMs, retryScheduleSeconds, concurrency, perEndpointConcurrency } = config.webhooks;
  // A waiting delivery starts within one attempt's time, then takes at most one more.
  const leaseDurationMs = leaseMs ?? LEASES_PER_SLOT * timeoutMs + LEASE_MARGIN_MS;
  const maxHeld = LEASES_PER_SLOT * concurrency;
  const maxHeldPerOrigin = LEASES_PER_SLOT * perEndpointConcurrency;
  // An origin is refilled once its waiting half has drained, so a refill brings a batch, not a row.
  const refillBelow = maxHeldPerOrigin - perEndpointConcurrency;
  const agent = createGuardedAgent({ allowList: parseCidrList(config.webhooks.allowedCidrs) });
  const limiter = createConcurrencyLimiter({ maxConcurrent: concurrency, maxConcurrentPerKey: perEndpointConcurrency });
  const apps = createCachedAppLookup(store.apps, clock);
  // Leased deliveries not yet answered (running or waiting for their slot), by delivery id.
  const inFlight = new Map<string, Promise<void>>();
  // Attempts whose outcome is not written yet (their HTTP part may be over): a stop waits for them.
  const unfinished = new Set<Promise<void>>();
  // The same deliveries counted by origin, with the URLs they post to: what each endpoint holds.
  const activeByOrigin = new Map<string, { count: number; readonly urls: Map<string, number> }>();
  let wake: (() => void) | null = null;
  // URLs of endpoints whose slots drained since the queue was last read, and whether to scan it all.
  const refillUrls = new Set<string>();
  let isScanRequested = false;

  /** Waits `ms`, or less when an attempt frees a slot (then resolves true) or the signal aborts. */
  const sleep = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const finish = (woken: boolean): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        wake = null;
        resolve(woken);
      };
      const onAbort = (): void => finish(false);
      const timer = setTimeout(() => finish(false), ms);
      signal.addEventListener('abort', onAbort, { once: true });
      wake = () => finish(true);
    });

  const track = (delivery: LeasedDelivery, origin: string): void => {
    let entry = activeByOrigin.get(origin);
    if (entry === undefined) {
      entry = { count: 0, urls: new Map() };
      activeByOrigin.set(origin, entry);
    }
    entry.count++;
    entry.urls.set(delivery.url, (entry.urls.get(delivery.url) ?? 0) + 1);
  };

  /** Forgets a delivery; true when that made its origin refillable (the moment to read the queue). */
  const untrack = (delivery: LeasedDelivery, origin: string): boolean => {
    const entry = activeByOrigin.get(origin);
    if (entry === undefined) return false;
    entry.count--;
    const left = (entry.urls.get(delivery.url) ?? 1) - 1;
    if (left <= 0) entry.urls.delete(delivery.url);
    else entry.urls.set(delivery.url, left);
    if (entry.count <= 0) activeByOrigin.delete(origin);
    return entry.count === refillBelow;
  };

  const saturatedUrls = (): string[] => {
    const urls: string[] = [];
    for (const entry of activeByOrigin.values()) {
      if (entry.count <= refillBelow) continue;
      for (const url of entry.urls.keys()) urls.push(url);
    }
    return urls.slice(0, MAX_EXCLUDED_URLS);
  };

  /** Picks due deliveries that fit the free slots: globally and per origin. */
  const pickFitting = (due: readonly DueDelivery[], freeSlots: number): string[] => {
    const picked: string[] = [];
    const pickedByOrigin = new Map<string, number>();
    for (const candidate of due) {
      if (picked.length >= freeSlots) break;
      const origin = originOf(candidate.url);
      const busy = (activeByOrigin.get(origin)?.count ?? 0) + (pickedByOrigin.get(origin) ?? 0);
      if (busy >= maxHeldPerOrigin) continue;
      pickedByOrigin.set(origin, (pickedByOrigin.get(origin) ?? 0) + 1);
      picked.push(candidate.deliveryId);
    }
    return picked;
  };

  // Outcomes are written in batches, one transaction each: whatever finished while the previous
  // batch was being written goes into the next. The delivery stays leased until then.
  const unrecorded: { finished: FinishedAttempt; settle: (error: unknown, kept: boolean) => void }[] = [];
  let isRecording = false;
  const writeOutcomes = async (): Promise<void> => {
    while (unrecorded.length > 0) {
      // SQLite answers synchronously, so a write would otherwise run before any other answer
      // could arrive: yield to I/O once, and the answers that are in join this batch.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = unrecorded.splice(0, MAX_OUTCOMES_PER_BATCH);
      try {
        const kept = await store.deliveries.finishAttempts(
          owner,
          batch.map((b) => b.finished),
        );
        for (const [i, b] of batch.entries()) b.settle(null, kept[i] ?? false);
      } catch (error) {
        for (const b of batch) b.settle(error, false);
      }
    }
    isRecording = false;
  };
  const recordOutcome = (finished: FinishedAttempt): Promise<boolean> =>
    new Promise((resolve, reject) => {
      unrecorded.push({ finished, settle: (error, kept) => (error === null ? resolve(kept) : reject(error)) });
      if (!isRecording) {
        isRecording = true;
        // writeOutcomes settles every entry itself and never rejects.
        void writeOutcomes();
      }
    });

  const post = async (delivery: LeasedDelivery): Promise<FinishedAttempt> => {
    const app = await apps.findApp(delivery.appId);
    const startedAtMs = clock.now();
    let result: PostWebhookReturnType;
    if (app === null) {
      result = { delivered: false, statusCode: null, latencyMs: 0, error: 'app no longer exists', responseExcerpt: '' };
    } else {
      // A fresh timestamp on every attempt: receivers reject webhooks signed too long ago (spec §7).
      const timestamp = String(Math.floor(startedAtMs / 1000));
      // The order's status as it is now, not as it was when the webhook was written: the last
      // webhook of an order a merchant receives must carry its current status (docs/webhooks.md).
      const body = delivery.orderStatus === null ? delivery.body : withOrderStatus(delivery.body, delivery.orderStatus);
      result = await postWebhook({
        url: delivery.url,
        body,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          Appid: app.appId,
          Timestamp: timestamp,
          Sign: sign({ appId: app.appId, appSecret: app.secret, timestamp, body }),
        },
        timeoutMs,
        agent,
      });
    }
    const firstAttemptAtMs = delivery.firstAttemptAtMs ?? startedAtMs;
    let outcome: DeliveryOutcome;
    if (result.delivered) outcome = { state: 'delivered', atMs: clock.now() };
    else {
      const nextAttemptAtMs =
        app === null
          ? null
          : getNextAttemptAt({
              firstAttemptAtMs,
              lastAttemptAtMs: startedAtMs,
              attemptsMade: delivery.attempts + 1,
              scheduleSeconds: retryScheduleSeconds,
            });
      outcome = nextAttemptAtMs === null ? { state: 'failed' } : { state: 'pending', nextAttemptAtMs };
    }
    return {
      firstAttemptAtMs,
      outcome,
      attempt: {
        deliveryId: delivery.deliveryId,
        startedAtMs,
        latencyMs: result.latencyMs,
        statusCode: result.statusCode,
        error: result.error,
        responseExcerpt: result.responseExcerpt,
        delivered: result.delivered,
      },
    };
  };

  const record = async (delivery: LeasedDelivery, finished: FinishedAttempt): Promise<void> => {
    const kept = await recordOutcome(finished);
    if (!kept) {
      logger.warn(
        { deliveryId: delivery.deliveryId },
        'webhook lease expired during the attempt; outcome left to its new owner',
      );
    }
    const { attempt, outcome } = finished;
    if (attempt.delivered) return;
    const fields = {
      deliveryId: delivery.deliveryId,
      appId: delivery.appId,
      url: delivery.url,
      attempt: delivery.attempts + 1,
      statusCode: attempt.statusCode,
      error: attempt.error,
      next: outcome.state === 'pending' ? new Date(outcome.nextAttemptAtMs).toISOString() : null,
    };
    if (outcome.state === 'failed') logger.error(fields, 'webhook delivery failed: no attempts left');
    else logger.warn(fields, 'webhook attempt failed');
  };

  const launch = (delivery: LeasedDelivery): void => {
    const origin = originOf(delivery.url);
    track(delivery, origin);
    const running = limiter
      .run(origin, () => post(delivery))
      .finally(() => {
        // The endpoint's slot is free once its answer is in; the lease covers the write that follows.
        const isRefillable = untrack(delivery, origin);
        const wasFull = inFlight.size >= maxHeld;
        inFlight.delete(delivery.deliveryId);
        if (isRefillable) refillUrls.add(delivery.url);
        // Room for any endpoint: look at the whole queue again.
        if (wasFull) isScanRequested = true;
        // Other answers change nothing the queue could fill: reading it then would be wasted.
        if (isRefillable || wasFull) wake?.();
      })
      .then((finished) => record(delivery, finished))
      .catch((error: unknown) => {
        // The lease runs out and the delivery is tried again: at least once, never lost.
        logger.error({ deliveryId: delivery.deliveryId, err: error }, 'webhook attempt could not be recorded');
      })
      .finally(() => unfinished.delete(running));
    inFlight.set(delivery.deliveryId, running);
    unfinished.add(running);
  };

  /** Leases what fits of `due` and starts it; how many were leased, or null when stopping. */
  const leaseAndLaunch = async (due: readonly DueDelivery[], nowMs: number): Promise<number | null> => {
    const picked = pickFitting(due, maxHeld - inFlight.size);
    const leased = await store.deliveries.leaseDeliveries({
      deliveryIds: picked,
      owner,
      nowMs,
      leaseUntilMs: nowMs + leaseDurationMs,
    });
    if (signal.aborted) {
      await store.deliveries.releaseLeases(
        owner,
        leased.map((d) => d.deliveryId),
      );
      return null;
    }
    for (const delivery of leased) launch(delivery);
    return leased.length;
  };

  // Two ways to read the queue. A scan of everything due (minus endpoints without room) finds new
  // work; it runs every poll interval, or at once while it keeps finding more. A refill reads only
  // the endpoints whose slots just drained, through the URL index: under load that is nearly every
  // read, and it costs the same however many other endpoints have deliveries waiting.
  let lastScanAt = Number.NEGATIVE_INFINITY;
  let errorBackoffMs = pollIntervalMs;
  try {
    while (!signal.aborted) {
      const isScanDue = isScanRequested || performance.now() - lastScanAt >= pollIntervalMs;
      let hasMoreDue = false;
      try {
        const nowMs = clock.now();
        if (isScanDue && inFlight.size < maxHeld) {
          isScanRequested = false;
          lastScanAt = performance.now();
          refillUrls.clear();
          const limit = Math.min(MAX_CANDIDATES, (maxHeld - inFlight.size) * CANDIDATES_PER_FREE_SLOT);
          const due = await store.deliveries.listDueDeliveries({ nowMs, limit, excludeUrls: saturatedUrls() });
          const leasedCount = await leaseAndLaunch(due, nowMs);
          if (leasedCount === null) break;
          hasMoreDue = due.length === limit && leasedCount > 0;
        } else if (refillUrls.size > 0) {
          const urls = [...refillUrls];
          refillUrls.clear();
          // One transaction for all endpoints refilled now: one commit instead of one per endpoint.
          const leased = await store.transaction(async (tx) => {
            const rows: LeasedDelivery[] = [];
            const addedByOrigin = new Map<string, number>();
            for (const url of urls) {
              const origin = originOf(url);
              const held = (activeByOrigin.get(origin)?.count ?? 0) + (addedByOrigin.get(origin) ?? 0);
              const room = Math.min(maxHeldPerOrigin - held, maxHeld - inFlight.size - rows.length);
              const leasedNow = await tx.deliveries.leaseDueDeliveriesTo({
                url,
                limit: room,
                owner,
                nowMs,
                leaseUntilMs: nowMs + leaseDurationMs,
              });
              addedByOrigin.set(origin, (addedByOrigin.get(origin) ?? 0) + leasedNow.length);
              rows.push(...leasedNow);
            }
            return rows;
          });
          if (signal.aborted) {
            await store.deliveries.releaseLeases(
              owner,
              leased.map((d) => d.deliveryId),
            );
            break;
          }
          for (const delivery of leased) launch(delivery);
        }
        errorBackoffMs = pollIntervalMs;
      } catch (error) {
        logger.error({ err: error }, 'webhook dispatcher could not read the queue; retrying');
        await sleep(errorBackoffMs);
        errorBackoffMs = Math.min(MAX_ERROR_BACKOFF_MS, errorBackoffMs * 2);
        continue;
      }
      if (hasMoreDue && inFlight.size < maxHeld) {
        isScanRequested = true;
        continue;
      }
      // Wait for drained slots or for the next scan. Drained slots are refilled after a short
      // pause, so those that drain meanwhile are refilled by the same queries.
      if (await sleep(pollIntervalMs - (performance.now() - lastScanAt))) await sleep(COALESCE_MS);
    }
    await Promise.allSettled(unfinished);
  } finally {
    await agent.close();
  }
}

/** The concurrency key of a URL: its origin, so all paths of one endpoint share its slots. */
function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}
