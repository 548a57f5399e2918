// Guards against outcomes written one transaction per webhook, lost, or reported for the wrong delivery.
import { describe, expect, it } from 'vitest';
import { createOutcomeBatcher } from './createOutcomeBatcher.ts';

describe('createOutcomeBatcher', () => {
  it('writes what arrives together in one batch and answers each item with its own flag', async () => {
    const batches: number[][] = [];
    const batcher = createOutcomeBatcher<number, boolean>({
      maxBatchSize: 10,
      write: async (batch) => {
        batches.push([...batch]);
        return batch.map((n) => n % 2 === 0);
      },
    });
    const kept = await Promise.all([1, 2, 3, 4].map((n) => batcher.record(n)));
    expect(kept).toEqual([false, true, false, true]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('splits at the batch size and puts what came in during a write into the next batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const batcher = createOutcomeBatcher<number, boolean>({
      maxBatchSize: 2,
      write: async (batch) => {
        batches.push([...batch]);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return batch.map(() => true);
      },
    });
    const first = [1, 2, 3].map((n) => batcher.record(n));
    await new Promise((resolve) => setImmediate(resolve));
    const later = batcher.record(4);
    release();
    await Promise.all([...first, later]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('rejects every item of a failed batch and keeps writing the next ones', async () => {
    let calls = 0;
    const batcher = createOutcomeBatcher<string, boolean>({
      maxBatchSize: 5,
      write: async (batch) => {
        calls++;
        if (calls === 1) throw new Error('database down');
        return batch.map(() => true);
      },
    });
    const failed = [batcher.record('a'), batcher.record('b')];
    for (const result of failed) await expect(result).rejects.toThrow('database down');
    await expect(batcher.record('c')).resolves.toBe(true);
  });

  it('answers undefined for an item missing from the answer (the caller decides what that means)', async () => {
    const batcher = createOutcomeBatcher<string, boolean>({ maxBatchSize: 5, write: async () => [] });
    await expect(batcher.record('a')).resolves.toBeUndefined();
  });
});
