// Guards against a dispatcher that sleeps through freed slots or through its own stop.
import { describe, expect, it } from 'vitest';
import { createWaker } from './createWaker.ts';

describe('createWaker', () => {
  it('resolves false once the time is up', async () => {
    const waker = createWaker(new AbortController().signal);
    const startedAt = performance.now();
    expect(await waker.sleep(20)).toBe(false);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(15);
  });

  it('resolves true at once when woken, and a wake with no wait changes nothing', async () => {
    const waker = createWaker(new AbortController().signal);
    waker.wake();
    const sleeping = waker.sleep(10_000);
    waker.wake();
    expect(await sleeping).toBe(true);
  });

  it('resolves false at once when the signal aborts', async () => {
    const controller = new AbortController();
    const waker = createWaker(controller.signal);
    const sleeping = waker.sleep(10_000);
    controller.abort();
    expect(await sleeping).toBe(false);
  });
});
