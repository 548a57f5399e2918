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

/**
 * Reads the queue and launches what it leases until `signal` aborts. Two ways to read it: a scan of
 * everything due (minus endpoints without room) finds new work; it runs every poll interval, or at
 * once while it keeps finding more. A refill reads only the endpoints whose slots just drained:
 * under load that is nearly every read. Leases taken while stopping are handed back at once.
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
      await waker.sleep(getBackoffDelay({ failures, initialMs: pollIntervalMs, maxMs: MAX_ERROR_BACKOFF_MS }));
      continue;
    }
    if (read === 'stopped') break;
    if (read.hasMoreDue && runner.countHeld() < maxHeld) {
      wants.isScanRequested = true;
      continue;
    }
    // Wait for drained slots or for the next scan.
    if (await waker.sleep(pollIntervalMs - (performance.now() - state.lastScanAt))) await waker.sleep(COALESCE_MS);
  }
}

type QueueRead = 'stopped' | { readonly hasMoreDue: boolean };

/** One read of the queue, a scan or a refill (or neither), and the launch of what it leased. */
async function readQueue(p: RunDispatchLoopParameters, state: { lastScanAt: number }): Promise<QueueRead> {
  const { store, signal, owner, runner, wants, maxHeld, slots } = p;
  const isScanDue = wants.isScanRequested || performance.now() - state.lastScanAt >= p.pollIntervalMs;
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
  return { hasMoreDue };
}
