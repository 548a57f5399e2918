import { sleep } from '../../adapters/system/sleep.ts';
import type { LeasedDelivery } from '../../core/Delivery.ts';
import { getBackoffDelay } from '../../core/getBackoffDelay.ts';
import type { Clock, Store } from '../../core/ports.ts';
import type { WorkerLogger } from '../WorkerLogger.ts';
import type { DeliveryRunner } from './createDeliveryRunner.ts';
import type { OriginSlots } from './createOriginSlots.ts';
import type { Waker } from './createWaker.ts';
import { leaseDueDeliveries } from './leaseDueDeliveries.ts';
import { leaseRefills } from './leaseRefills.ts';

/** What the answers since the last read ask of the next one; written by the runner's answers. */
export type DispatchWants = {
  /** URLs of endpoints whose slots drained since the queue was last read. */
  readonly refillUrls: Set<string>;
  /** Whether to scan the whole queue at once, without waiting for the poll interval. */
  isScanRequested: boolean;
  /** A commit made deliveries due since the last scan (`store.deliveryWakeups`): scan soon. */
  isNewWorkDue: boolean;
};

export type RunDispatchLoopParameters = {
  readonly store: Pick<Store, 'transaction' | 'deliveries'>;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly owner: string;
  readonly pollIntervalMs: number;
  readonly leaseDurationMs: number;
  /** Leased deliveries held at most, running and waiting. */
  readonly maxHeld: number;
  readonly slots: OriginSlots;
  readonly runner: DeliveryRunner;
  readonly waker: Waker;
  readonly wants: DispatchWants;
  readonly logger: WorkerLogger;
};

const MAX_ERROR_BACKOFF_MS = 5_000;
// Drained slots are refilled after this pause, so those that drain meanwhile join the same queries.
const COALESCE_MS = 2;
// Scans that commits ask for start at least this far apart: a lone commit is read at once, and a
// burst of them shares a read every few milliseconds instead of causing one read each.
export const MIN_WOKEN_SCAN_SPACING_MS = 10;

/**
 * Reads the queue and launches what it leases until `signal` aborts. Two ways to read it: a scan of
 * everything due (minus endpoints without room) finds new work; it runs every poll interval, soon
 * after a commit made deliveries due, or at once while it keeps finding more. A refill reads only
 * the endpoints whose slots just drained: under load that is nearly every read. Leases taken while
 * stopping are handed back at once.
 */
export async function runDispatchLoop(p: RunDispatchLoopParameters): Promise<void> {
  const { signal, pollIntervalMs, runner, waker, wants, maxHeld } = p;
  const state = { lastScanAt: Number.NEGATIVE_INFINITY };
  let failures = 0;
  while (!signal.aborted) {
    let read: QueueRead;
    try {
      read = await readQueue(p, state);
      failures = 0;
    } catch (error) {
      p.logger.error({ err: error }, 'webhook dispatcher could not read the queue; retrying');
      failures++;
      // The failed read may have taken the wants it was to serve: scan everything once it works again.
      wants.isScanRequested = true;
      await waker.sleep(getBackoffDelay({ failures, initialMs: pollIntervalMs, maxMs: MAX_ERROR_BACKOFF_MS }));
      continue;
    }
    if (read === 'stopped') break;
    if (read.hasMoreDue && runner.countHeld() < maxHeld) {
      wants.isScanRequested = true;
      continue;
    }
    // Wait for drained slots, new deliveries or the next scan. A wake during the read found no one
    // waiting: what it asked for is read now, or the last answers of a burst would wait for a poll.
    if (hasWants(p) || (await waker.sleep(pollIntervalMs - (performance.now() - state.lastScanAt)))) {
      await pauseBeforeRead(p, state.lastScanAt);
    }
  }
}

/** Whether answers or commits since the last read ask for another read that can lease something. */
function hasWants({ wants, runner, maxHeld }: RunDispatchLoopParameters): boolean {
  if (wants.refillUrls.size > 0) return true;
  return (wants.isScanRequested || wants.isNewWorkDue) && runner.countHeld() < maxHeld;
}

/** The pause between a wake and the read: short for drained slots, spaced out for commits. */
async function pauseBeforeRead({ wants, waker, signal }: RunDispatchLoopParameters, lastScanAt: number): Promise<void> {
  if (wants.refillUrls.size > 0 || wants.isScanRequested || !wants.isNewWorkDue) {
    await waker.sleep(COALESCE_MS);
    return;
  }
  // Not through the waker: the next commit of a burst would cut the spacing short.
  const waitMs = MIN_WOKEN_SCAN_SPACING_MS - (performance.now() - lastScanAt);
  if (waitMs > 0) await sleep(waitMs, signal);
}

type QueueRead = 'stopped' | { readonly hasMoreDue: boolean };

/** One read of the queue, a scan or a refill (or neither), and the launch of what it leased. */
async function readQueue(p: RunDispatchLoopParameters, state: { lastScanAt: number }): Promise<QueueRead> {
  const { store, signal, owner, runner, wants, maxHeld, slots } = p;
  const isScanDue =
    wants.isScanRequested || wants.isNewWorkDue || performance.now() - state.lastScanAt >= p.pollIntervalMs;
  const nowMs = p.clock.now();
  const lease = {
    owner,
    nowMs,
    leaseUntilMs: nowMs + p.leaseDurationMs,
    slots,
    getFreeSlots: () => maxHeld - runner.countHeld(),
  };
  let leased: readonly LeasedDelivery[];
  let hasMoreDue = false;
  if (isScanDue && runner.countHeld() < maxHeld) {
    wants.isScanRequested = false;
    wants.isNewWorkDue = false;
    state.lastScanAt = performance.now();
    wants.refillUrls.clear();
    ({ leased, hasMoreDue } = await leaseDueDeliveries(store.deliveries, lease));
  } else if (wants.refillUrls.size > 0) {
    const urls = [...wants.refillUrls];
    wants.refillUrls.clear();
    leased = await leaseRefills(store, { ...lease, urls });
  } else {
    return { hasMoreDue };
  }
  if (signal.aborted) {
    await store.deliveries.releaseLeases(
      owner,
      leased.map((d) => d.deliveryId),
    );
    return 'stopped';
  }
  for (const delivery of leased) runner.launch(delivery);
  // An endpoint whose answers drained it while this read ran sits at its refill mark already, and
  // no answer will cross that mark again: refill it now, or the rest of its queue waits for a poll.
  for (const delivery of leased) if (slots.isAtRefillMark(delivery.url)) wants.refillUrls.add(delivery.url);
  return { hasMoreDue };
}
