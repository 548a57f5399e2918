export type CreateOutcomeBatcherParameters<T> = {
  /** Writes one batch in one transaction; one flag per item, in order (false: our lease was lost). */
  readonly write: (batch: readonly T[]) => Promise<readonly boolean[]>;
  readonly maxBatchSize: number;
};

export type OutcomeBatcher<T> = {
  /** Resolves to the item's flag once its batch is written; rejects when the batch failed. */
  record(item: T): Promise<boolean>;
};

type Unrecorded<T> = { readonly item: T; readonly settle: (error: unknown, kept: boolean) => void };

/**
 * Writes attempt outcomes in batches, one transaction each: whatever finished while the previous
 * batch was being written goes into the next, so a busy dispatcher commits once per batch, not
 * once per webhook. Each delivery stays leased until its outcome is written.
 */
export function createOutcomeBatcher<T>({ write, maxBatchSize }: CreateOutcomeBatcherParameters<T>): OutcomeBatcher<T> {
  const unrecorded: Unrecorded<T>[] = [];
  let isWriting = false;

  const writeAll = async (): Promise<void> => {
    while (unrecorded.length > 0) {
      // SQLite answers synchronously, so a write would otherwise run before any other answer
      // could arrive: yield to I/O once, and the answers that are in join this batch.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = unrecorded.splice(0, maxBatchSize);
      try {
        const kept = await write(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.settle(null, kept[i] ?? false);
      } catch (error) {
        for (const b of batch) b.settle(error, false);
      }
    }
    isWriting = false;
  };

  return {
    record: (item) =>
      new Promise((resolve, reject) => {
        unrecorded.push({ item, settle: (error, kept) => (error === null ? resolve(kept) : reject(error)) });
        if (!isWriting) {
          isWriting = true;
          // writeAll settles every entry itself and never rejects.
          void writeAll();
        }
      }),
  };
}
