/** Gathers the items submitted while earlier batches are on their way, and hands them over together. */
export type WriteBatcher<I, R> = {
  /** Settles with this item's own outcome once its batch is written (and, for a database, committed). */
  submit(item: I): Promise<R>;
};

export type CreateWriteBatcherParameters<I, R> = {
  /**
   * Writes one batch and returns one settled outcome per item, in order: a failure of one item
   * must not fail the others. A rejection fails every item of the batch.
   */
  readonly writeBatch: (items: readonly I[]) => Promise<PromiseSettledResult<R>[]>;
  /** Batches in flight at once (each holds a database connection while it runs). */
  readonly maxInFlight: number;
  /** Items in one batch at most. */
  readonly maxBatchSize: number;
};

type Pending<I, R> = { readonly item: I; resolve(result: R): void; reject(error: unknown): void };

/**
 * Natural batching for a database with a connection pool: a batch leaves at the end of the event
 * loop turn its first item arrived in (every request read in that poll phase joins it) if fewer
 * than `maxInFlight` batches are running; otherwise the items wait, and the next batch to finish
 * takes them all. Under light load every write leaves alone and at once; under heavy load a
 * round trip and a commit serve many requests.
 */
export function createWriteBatcher<I, R>({
  writeBatch,
  maxInFlight,
  maxBatchSize,
}: CreateWriteBatcherParameters<I, R>): WriteBatcher<I, R> {
  let queue: Pending<I, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const settle = (batch: readonly Pending<I, R>[], outcomes: readonly PromiseSettledResult<R>[]) => {
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.status === 'fulfilled') pending.resolve(outcome.value);
      else pending.reject(outcome === undefined ? new Error('write batch lost an item') : outcome.reason);
    });
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, maxBatchSize);
      queue = queue.slice(batch.length);
      inFlight += 1;
      writeBatch(batch.map((pending) => pending.item))
        .then(
          (outcomes) => settle(batch, outcomes),
          (error: unknown) => {
            for (const pending of batch) pending.reject(error);
          },
        )
        .finally(() => {
          inFlight -= 1;
          flush();
        });
    }
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (scheduled || inFlight >= maxInFlight) return;
        scheduled = true;
        // After the poll phase: every request whose bytes arrived in this turn joins the batch.
        setImmediate(flush);
      });
    },
  };
}
