// Risk: the batcher holding items back while nothing runs, running more batches at once than the
// pool can serve, or settling one item with another's outcome.
import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from './createWriteBatcher.ts';

/** A batch writer whose batches finish only when the test says so. */
function createManualWriter() {
  const batches: { items: readonly number[]; finish(): void }[] = [];
  const writeBatch = (items: readonly number[]) =>
    new Promise<PromiseSettledResult<string>[]>((resolve) => {
      batches.push({
        items,
        finish: () =>
          resolve(
            items.map((n) =>
              n < 0 ? { status: 'rejected', reason: new Error(`bad ${n}`) } : { status: 'fulfilled', value: `ok ${n}` },
            ),
          ),
      });
    });
  return { batches, writeBatch };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createWriteBatcher', () => {
  it('sends the items of one turn together, and what arrives while the pool is busy with the next batch', async () => {
    const { batches, writeBatch } = createManualWriter();
    const batcher = createWriteBatcher({ writeBatch, maxInFlight: 1, maxBatchSize: 100 });
    const first = [1, 2, 3].map((n) => batcher.submit(n));
    await turn();
    const later = [4, 5].map((n) => batcher.submit(n));
    await turn();
    // One batch in flight at most: 4 and 5 wait for the first to finish.
    expect(batches.map((b) => b.items)).toEqual([[1, 2, 3]]);
    batches[0]?.finish();
    expect(await Promise.all(first)).toEqual(['ok 1', 'ok 2', 'ok 3']);
    await turn();
    expect(batches.map((b) => b.items)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    batches[1]?.finish();
    expect(await Promise.all(later)).toEqual(['ok 4', 'ok 5']);
  });

  it('settles each item with its own outcome, and fails a whole batch only when the batch write fails', async () => {
    const { batches, writeBatch } = createManualWriter();
    const batcher = createWriteBatcher({ writeBatch, maxInFlight: 2, maxBatchSize: 100 });
    const results = Promise.allSettled([7, -8, 9].map((n) => batcher.submit(n)));
    await turn();
    batches[0]?.finish();
    expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      'ok 7',
      'Error: bad -8',
      'ok 9',
    ]);
    const failing = createWriteBatcher<number, string>({
      writeBatch: async () => {
        throw new Error('connection lost');
      },
      maxInFlight: 1,
      maxBatchSize: 100,
    });
    const lost = await Promise.allSettled([1, 2].map((n) => failing.submit(n)));
    expect(lost.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The batcher goes on after a failed batch.
    const after = failing.submit(3);
    await expect(after).rejects.toThrow('connection lost');
  });

  it('splits a long queue into batches of at most maxBatchSize, up to maxInFlight at once', async () => {
    const { batches, writeBatch } = createManualWriter();
    const batcher = createWriteBatcher({ writeBatch, maxInFlight: 2, maxBatchSize: 2 });
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    await turn();
    expect(batches.map((b) => b.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    batches[0]?.finish();
    await turn();
    expect(batches.map((b) => b.items)).toEqual([[1, 2], [3, 4], [5]]);
    batches[1]?.finish();
    batches[2]?.finish();
    expect(await all).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5']);
  });
});
