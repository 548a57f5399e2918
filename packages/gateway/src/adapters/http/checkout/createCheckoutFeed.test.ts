// Risk: live updates cost one database read per open tab instead of per order, overlap, leak timers, or stop for everyone after one error.
import { describe, expect, it } from 'vitest';
import { createCheckoutFeed } from './createCheckoutFeed.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

describe('createCheckoutFeed', () => {
  it('reads each followed key once per round, however many listeners follow it', async () => {
    const loads = new Map<string, number>();
    const feed = createCheckoutFeed<string>({
      load: async (key) => {
        loads.set(key, (loads.get(key) ?? 0) + 1);
        return `${key}:${loads.get(key)}`;
      },
      intervalMs: 10,
      onError: (error) => {
        throw error;
      },
    });
    const seen: string[][] = [[], [], [], []];
    for (const i of [0, 1, 2]) feed.subscribe('a', (state) => seen[i]?.push(state));
    feed.subscribe('b', (state) => seen[3]?.push(state));
    expect(feed.size()).toBe(4);
    expect(feed.countListeners('a')).toBe(3);
    await waitFor(() => (seen[3]?.length ?? 0) >= 3);
    feed.close();
    expect(seen[0]).toEqual(seen[2]);
    expect(Math.abs((loads.get('a') ?? 0) - (loads.get('b') ?? 0))).toBeLessThanOrEqual(1);
    expect(loads.get('a')).toBeLessThanOrEqual((seen[0]?.length ?? 0) + 1);
  });

  it('stops reading a key nobody follows, and polls nothing while idle', async () => {
    let loads = 0;
    const feed = createCheckoutFeed<number>({ load: async () => ++loads, intervalMs: 5, onError: () => undefined });
    const unsubscribe = feed.subscribe('a', () => undefined);
    await waitFor(() => loads >= 2);
    unsubscribe();
    expect(feed.size()).toBe(0);
    await sleep(20);
    const settled = loads;
    await sleep(40);
    expect(loads).toBe(settled);
    feed.close();
  });

  it('never runs two rounds at once, even when a read outlasts the interval', async () => {
    let running = 0;
    let maxRunning = 0;
    let rounds = 0;
    const feed = createCheckoutFeed<number>({
      load: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(30);
        running--;
        return ++rounds;
      },
      intervalMs: 1,
      onError: () => undefined,
    });
    feed.subscribe('a', () => undefined);
    await waitFor(() => rounds >= 3);
    feed.close();
    expect(maxRunning).toBe(1);
  });

  it('reports a failed read and keeps serving the other keys and later rounds', async () => {
    const errors: unknown[] = [];
    let failures = 0;
    const feed = createCheckoutFeed<string>({
      load: async (key) => {
        if (key === 'bad' && failures++ < 2) throw new Error('database away');
        return key;
      },
      intervalMs: 5,
      onError: (error) => errors.push(error),
    });
    const good: string[] = [];
    const bad: string[] = [];
    feed.subscribe('good', (state) => good.push(state));
    feed.subscribe('bad', (state) => bad.push(state));
    await waitFor(() => bad.length >= 1 && good.length >= 3);
    feed.close();
    expect(errors).toHaveLength(2);
  });

  it('drops the listeners of a key that vanished and of a closed feed', async () => {
    const feed = createCheckoutFeed<string>({ load: async () => null, intervalMs: 5, onError: () => undefined });
    feed.subscribe('gone', () => undefined);
    await waitFor(() => feed.size() === 0);
    feed.close();
    expect(feed.subscribe('late', () => undefined)).toBeTypeOf('function');
    expect(feed.size()).toBe(0);
  });
});
