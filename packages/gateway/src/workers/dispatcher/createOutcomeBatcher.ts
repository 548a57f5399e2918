export type CreateOutcomeBatcherParameters<T, R> = {
  /** Writes one batch in one transaction; one result per item, in order (e.g. false: our lease was lost). */
  readonly write: (batch: readonly T[]) => Promise<readonly R[]>;
  readonly maxBatchSize: number;
};

export type OutcomeBatcher<T, R> = {
  /** Resolves to the item's result once its batch is written (undefined if the write gave none); rejects when the batch failed. */
  record(item: T): Promise<R | undefined>;
};

type Unrecorded<T, R> = { readonly item: T; readonly settle: (error: unknown, result: R | undefined) => void };

/**
 * Writes attempt starts or outcomes in batches, one transaction each: whatever came while the
 * previous batch was being written goes into the next, so a busy dispatcher commits once per
 * batch, not once per webhook. Each delivery stays leased until its outcome is written.
 */
export function createOutcomeBatcher<T, R>({
  write,
  maxBatchSize,
}: CreateOutcomeBatcherParameters<T, R>): OutcomeBatcher<T, R> {
  const unrecorded: Unrecorded<T, R>[] = [];
  let isWriting = false;

  const writeAll = async (): Promise<void> => {
    while (unrecorded.length > 0) {
      // SQLite answers synchronously, so a write would otherwise run before any other answer
      // could arrive: yield to I/O once, and the answers that are in join this batch.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = unrecorded.splice(0, maxBatchSize);
      try {
        const results = await write(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.settle(null, results[i]);
      } catch (error) {
        for (const b of batch) b.settle(error, undefined);
      }
    }
    isWriting = false;
  };

  return {
    record: (item) =>
      new Promise((resolve, reject) => {
        unrecorded.push({ item, settle: (error, result) => (error === null ? resolve(result) : reject(error)) });
        if (!isWriting) {
          isWriting = true;
          // writeAll settles every entry itself and never rejects.
          void writeAll();
        }
      }),
  };
}
