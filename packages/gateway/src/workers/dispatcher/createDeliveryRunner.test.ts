// Guards against a freed slot that nobody hears about, a stop that does not wait for outcomes, and a lost failure.
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../adapters/webhooks/createConcurrencyLimiter.ts';
import type { LeasedDelivery } from '../../core/Delivery.ts';
import type { FinishedAttempt } from '../../core/ports.ts';
import { createDeliveryRunner, type DeliveryAnswered } from './createDeliveryRunner.ts';
import { createOriginSlots } from './createOriginSlots.ts';

const deliveryTo = (deliveryId: string, url: string) => ({ deliveryId, url }) as LeasedDelivery;

const finishedOf = (delivery: LeasedDelivery): FinishedAttempt => ({
  attemptId: 1,
  firstAttemptAtMs: 0,
  outcome: { state: 'delivered', atMs: 0 },
  attempt: {
    deliveryId: delivery.deliveryId,
    state: 'finished',
    startedAtMs: 0,
    latencyMs: 1,
    statusCode: 200,
    error: null,
    responseExcerpt: 'success',
    delivered: true,
  },
});

const setUp = (record: (delivery: LeasedDelivery) => Promise<void>) => {
  const answered: DeliveryAnswered[] = [];
  const errors: unknown[] = [];
  const runner = createDeliveryRunner({
    limiter: createConcurrencyLimiter({ maxConcurrent: 2, maxConcurrentPerKey: 1 }),
    slots: createOriginSlots({ perOriginConcurrency: 1, leasesPerSlot: 2, maxSaturatedUrls: 10 }),
    maxHeld: 4,
    attempt: async (delivery) => finishedOf(delivery),
    record,
    onAnswered: (a) => answered.push(a),
    logger: { info() {}, warn() {}, error: (fields) => errors.push((fields as { err: unknown }).err) },
  });
  return { runner, answered, errors };
};

describe('createDeliveryRunner', () => {
  it('reports each answer with what it freed, and settles once every outcome is recorded', async () => {
    const recorded: string[] = [];
    const { runner, answered } = setUp(async (delivery) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      recorded.push(delivery.deliveryId);
    });
    for (const [id, url] of [
      ['a1', 'http://a.test/1'],
      ['a2', 'http://a.test/2'],
      ['b1', 'http://b.test/1'],
      ['b2', 'http://b.test/1'],
    ] as const) {
      runner.launch(deliveryTo(id, url));
    }
    expect(runner.countHeld()).toBe(4);
    await runner.settle();
    expect(runner.countHeld()).toBe(0);
    expect(recorded.sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    // The first answer came while every lease was held; each origin drains its waiting half once.
    expect(answered[0]?.wasFull).toBe(true);
    expect(
      answered
        .filter((a) => a.isRefillable)
        .map((a) => new URL(a.url).host)
        .sort(),
    ).toEqual(['a.test', 'b.test']);
  });

  it('logs an outcome that could not be recorded instead of failing the stop', async () => {
    const { runner, errors } = setUp(async () => {
      throw new Error('database down');
    });
    runner.launch(deliveryTo('a1', 'http://a.test/1'));
    await runner.settle();
    expect(errors).toEqual([new Error('database down')]);
  });
});
