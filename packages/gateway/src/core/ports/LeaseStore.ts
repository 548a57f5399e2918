import type { LeaseFencing } from '../LeaderLock.ts';

/** The fencing side of leader leases, inside a job's write transactions. */
export type LeaseStore = {
  /**
   * Throws `LeaseLostError` unless `fencing` is still the unexpired lease of its job, in the
   * database's clock; on PostgreSQL it also holds the lease row until the transaction ends, so a
   * takeover waits for a write already under way instead of racing it.
   */
  assertHeld(fencing: LeaseFencing): Promise<void>;
};
