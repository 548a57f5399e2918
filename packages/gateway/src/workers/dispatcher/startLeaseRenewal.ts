import type { Clock, DeliveryStore } from '../../core/ports.ts';
import type { WorkerLogger } from '../WorkerLogger.ts';

export type StartLeaseRenewalParameters = {
  readonly deliveries: Pick<DeliveryStore, 'renewLeases'>;
  readonly clock: Clock;
  readonly owner: string;
  /** The waiting lease: each renewal extends it to this long from now. */
  readonly leaseMs: number;
  /** The deliveries leased and not started yet. */
  readonly listWaiting: () => readonly string[];
  readonly logger: WorkerLogger;
};

// A lease is renewed this many times over its length, so it survives all but the last renewal
// failing (a slow database) and a dead dispatcher's deliveries wait at most one lease.
const RENEWALS_PER_LEASE = 4;

/**
 * Keeps the short leases of deliveries waiting for a slot alive while this dispatcher lives: when
 * it dies, they run out within one lease and another dispatcher takes them. Returns the stop,
 * which waits for a renewal under way.
 */
export function startLeaseRenewal({
  deliveries,
  clock,
  owner,
  leaseMs,
  listWaiting,
  logger,
}: StartLeaseRenewalParameters): () => Promise<void> {
  let renewing: Promise<void> | null = null;
  const renew = async (): Promise<void> => {
    const ids = listWaiting();
    if (ids.length === 0) return;
    try {
      await deliveries.renewLeases(owner, ids, clock.now() + leaseMs);
    } catch (error) {
      // Safe to miss: an attempt starts only while its delivery is still ours (startAttempts).
      logger.warn({ err: error, deliveries: ids.length }, 'webhook leases could not be renewed');
    }
  };
  const timer = setInterval(() => {
    renewing ??= renew().finally(() => {
      renewing = null;
    });
  }, leaseMs / RENEWALS_PER_LEASE);
  return async () => {
    clearInterval(timer);
    await renewing;
  };
}
