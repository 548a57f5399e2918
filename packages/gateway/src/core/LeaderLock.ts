/** Held while this process is the one doing a job (e.g. watching a network); see `LeaderLock`. */
export type LeaderLease = {
  /** Aborts when the lease is lost (the database connection holding it died). */
  readonly lost: AbortSignal;
  /** Gives the lease up; resolves once another process can take it. */
  release(): Promise<void>;
};

/** Makes sure one process at a time does a job; the others wait as standbys. */
export type LeaderLock = {
  /** Resolves once this process holds `name`, or with null when `signal` aborts first. */
  acquire(name: string, signal: AbortSignal): Promise<LeaderLease | null>;
};
