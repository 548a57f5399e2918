// Guards against one slow webhook endpoint taking every delivery slot, or the dispatcher exceeding its concurrency limits.
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from './createConcurrencyLimiter.ts';

type Gate = { promise: Promise<void>; open: () => void };

function createGate(): Gate {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('createConcurrencyLimiter', () => {
  it('never runs more than the global and per-key limits, and finishes every task', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrent: 4, maxConcurrentPerKey: 3 });
    const running = new Map<string, number>();
    let runningTotal = 0;
    let peakTotal = 0;
    let peakPerKey = 0;
    // Mostly one key, so its own limit binds as well as the global one.
    const keys = ['a', 'a', 'a', 'a', 'b', 'a', 'a', 'c'];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const key = keys[index % keys.length] ?? 'a';
        return limiter.run(key, async () => {
          runningTotal++;
          running.set(key, (running.get(key) ?? 0) + 1);
          peakTotal = Math.max(peakTotal, runningTotal);
          peakPerKey = Math.max(peakPerKey, running.get(key) ?? 0);
          // Vary the durations so tasks finish out of order.
          for (let i = 0; i < (index * 7) % 5; i++) await Promise.resolve();
          await new Promise((resolve) => setImmediate(resolve));
          runningTotal--;
          running.set(key, (running.get(key) ?? 0) - 1);
          return index;
        });
      }),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, index) => index));
    expect(peakTotal).toBe(4);
    expect(peakPerKey).toBe(3);
    expect(limiter.getStats()).toEqual({ active: 0, queued: 0, keys: 0 });
  });

  it('holds one key to its own limit even when global slots are free', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrent: 10, maxConcurrentPerKey: 2 });
    const gate = createGate();
    const tasks = Array.from({ length: 5 }, () => limiter.run('a', () => gate.promise));
    await settle();
    expect(limiter.getStats()).toEqual({ active: 2, queued: 3, keys: 1 });
    gate.open();
    await Promise.all(tasks);
    expect(limiter.getStats()).toEqual({ active: 0, queued: 0, keys: 0 });
  });

  it('lets other keys run while one key is stuck', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrent: 3, maxConcurrentPerKey: 2 });
    const stuck = createGate();
    const stuckTasks = Array.from({ length: 10 }, () => limiter.run('https://slow.example', () => stuck.promise));
    await settle();
    expect(limiter.getKeyStats('https://slow.example')).toEqual({ active: 2, queued: 8 });

    const done: string[] = [];
    await Promise.all(
      ['https://a.example', 'https://b.example', 'https://a.example'].map((key, index) =>
        limiter.run(key, async () => {
          done.push(`${key}#${index}`);
        }),
      ),
    );
    expect(done).toHaveLength(3);
    expect(limiter.getStats()).toEqual({ active: 2, queued: 8, keys: 1 });

    stuck.open();
    await Promise.all(stuckTasks);
    expect(limiter.getStats()).toEqual({ active: 0, queued: 0, keys: 0 });
  });

  it('gives waiting keys turns instead of serving the longest queue first', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrent: 1, maxConcurrentPerKey: 1 });
    const first = createGate();
    const order: string[] = [];
    const record = (label: string) => async (): Promise<void> => {
      order.push(label);
    };
    const tasks = [
      limiter.run('a', () => first.promise),
      limiter.run('a', record('a1')),
      limiter.run('a', record('a2')),
      limiter.run('a', record('a3')),
      limiter.run('b', record('b1')),
      limiter.run('c', record('c1')),
    ];
    await settle();
    expect(limiter.getStats()).toEqual({ active: 1, queued: 5, keys: 3 });
    first.open();
    await Promise.all(tasks);
    expect(order).toEqual(['b1', 'c1', 'a1', 'a2', 'a3']);
  });

  it('frees the slot when a task throws or rejects, and passes the error on', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrent: 1, maxConcurrentPerKey: 1 });
    await expect(
      limiter.run('a', () => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    await expect(limiter.run('a', () => Promise.reject(new Error('async boom')))).rejects.toThrow('async boom');
    await expect(limiter.run('a', async () => 'after')).resolves.toBe('after');
    expect(limiter.getStats()).toEqual({ active: 0, queued: 0, keys: 0 });
  });

  it('drops a waiting task when its signal aborts, and never starts it', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrent: 1, maxConcurrentPerKey: 1 });
    const gate = createGate();
    const running = limiter.run('a', () => gate.promise);
    const controller = new AbortController();
    let started = false;
    const waiting = limiter.run(
      'b',
      async () => {
        started = true;
      },
      { signal: controller.signal },
    );
    await settle();
    expect(limiter.getStats()).toEqual({ active: 1, queued: 1, keys: 2 });
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
    expect(limiter.getStats()).toEqual({ active: 1, queued: 0, keys: 1 });
    gate.open();
    await running;
    expect(started).toBe(false);
    await expect(limiter.run('b', async () => 1, { signal: controller.signal })).rejects.toThrow('shutting down');
  });

  it.each([
    [{ maxConcurrent: 0, maxConcurrentPerKey: 1 }, 'maxConcurrent'],
    [{ maxConcurrent: 1, maxConcurrentPerKey: 1.5 }, 'maxConcurrentPerKey'],
  ])('refuses limits that are not positive whole numbers: %j', (limits, name) => {
    expect(() => createConcurrencyLimiter(limits)).toThrow(name);
  });
});
