import { BaseError } from './BaseError.ts';

/**
 * What proves a write comes from the current holder of a job: the lease's name and its fencing
 * token. Every takeover raises the token, so a deposed holder's token no longer matches.
 */
export type LeaseFencing = { readonly name: string; readonly token: number };

/** Held while this process is the one doing a job (e.g. watching a network); see `LeaderLock`. */
export type LeaderLease = {
  /** Aborts when the lease is lost (expired, taken over, or its connection died). */
  readonly lost: AbortSignal;
  /**
   * Present when other processes may take the job over (PostgreSQL): every write of the job checks
   * it inside its transaction (`Stores.leases.assertHeld`), so none commits after a takeover.
   */
  readonly fencing?: LeaseFencing;
  /** Gives the lease up; resolves once another process can take it. */
  release(): Promise<void>;
};

export type AcquireLeaseOptions = {
  /**
   * Asked before each renewal: while it answers false (the job has been failing, e.g. its RPC is
   * down), the lease is not renewed and lapses, so a standby that may be healthier takes over.
   */
  readonly isHealthy?: () => boolean;
};

/** Makes sure one process at a time does a job; the others wait as standbys. */
export type LeaderLock = {
  /** Resolves once this process holds `name`, or with null when `signal` aborts first. */
  acquire(name: string, signal: AbortSignal, options?: AcquireLeaseOptions): Promise<LeaderLease | null>;
};

/** A write of a job whose lease this process no longer holds: nothing of it may commit. */
export class LeaseLostError extends BaseError {
  override readonly name = 'LeaseLostError';
  constructor(fencing: LeaseFencing) {
    super(`lease ${fencing.name} (token ${fencing.token}) is no longer held: another process took the job over`);
  }
}
