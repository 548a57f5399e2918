// Guards against webhooks counted as delivered when they were not, retries off the §7 schedule, bad signatures, and one slow endpoint stalling the rest.
import { verifyWebhook } from '@kassa/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../test/support/buildPaidOrder.ts';
import { createSequentialIds } from '../../test/support/createSequentialIds.ts';
import { createTestClock, type TestClock } from '../../test/support/createTestClock.ts';
import { enqueuePaidOrderWebhooks } from '../../test/support/enqueuePaidOrderWebhooks.ts';
import { getFreePort } from '../../test/support/getFreePort.ts';
import { openTestStore, type TestStore } from '../../test/support/openTestStore.ts';
import {
  type ReceiverAnswer,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../test/support/startWebhookReceiver.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import { createWebhookSender } from '../adapters/webhooks/createWebhookSender.ts';
import { createApp } from '../app/createApp.ts';
import type { KassaConfig } from '../config/KassaConfig.ts';
import { loadConfig } from '../config/loadConfig.ts';
import type { App } from '../core/App.ts';
import type { Delivery } from '../core/Delivery.ts';
import { startWebhookDispatcher } from './startWebhookDispatcher.ts';
import type { WorkerLogger } from './WorkerLogger.ts';

const TIMEOUT_MS = 300;
const SCHEDULE_SECONDS = [30, 90, 210, 450, 930, 1890];

/** Whether the delivery's `attempts`-th attempt has its outcome: counted when it starts, unleased once recorded. */
const isAnswered = (delivery: Delivery | undefined, attempts: number): boolean =>
  delivery?.attempts === attempts && delivery.leaseOwner === null;

const ANSWERS: Readonly<Record<string, ReceiverAnswer>> = {
  '/success': { status: 200, body: 'success' },
  '/Success': { status: 200, body: 'Success' },
  '/upper': { status: 200, body: 'SUCCESS\n' },
  '/ok': { status: 200, body: 'ok' },
  '/500': { status: 500, body: 'boom' },
  '/hang': 'hang',
  '/redirect': { status: 302, body: '', headers: { location: '/success' } },
  // A NUL byte in the answer: PostgreSQL stores none in the attempt's text excerpt, and an attempt
  // it could not record used to be sent again at every lease.
  '/nul-success': { status: 200, body: 'success\u0000' },
  '/nul-500': { status: 500, body: '\u0000boom' },
};

describe.each(testDatabases())('startWebhookDispatcher on $kind', (database) => {
  let t: TestStore;
  let app: App;
  let appSecret: string;
  let clock: TestClock;
  let receiver: WebhookReceiver;
  let config: KassaConfig;
  const ids = createSequentialIds();
  let seeded = 0;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    t = await openTestStore(database);
    clock = createTestClock();
    const created = await createApp({ store: t.store, clock, ids }, { name: 'Shop', webhookUrl: null });
    appSecret = created.appSecret;
    app = (await t.store.apps.findApp(created.appId)) as App;
    receiver = await startWebhookReceiver((path) => ANSWERS[path] ?? { status: 404, body: 'no' });
    config = withWebhooks(loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: t.dataDir, DATABASE_URL: t.url } }), {
      timeoutMs: TIMEOUT_MS,
      retryScheduleSeconds: SCHEDULE_SECONDS,
      allowedCidrs: ['127.0.0.0/8'],
    });
  });
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
    await receiver.close();
    await t.dispose();
  });

  const seed = async (url: string, count = 1): Promise<string[]> => {
    const recordIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const built = buildPaidOrder({ n: ++seeded, appId: app.appId, nowMs: clock.now(), notifyUrl: url });
      await t.store.transaction((tx) => enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids }));
      recordIds.push(built.payment.recordId);
    }
    return recordIds;
  };

  const start = (overrides: { config?: KassaConfig; logger?: WorkerLogger; owner?: string } = {}) => {
    const controller = new AbortController();
    const dispatcherConfig = overrides.config ?? config;
    const done = startWebhookDispatcher(
      {
        config: dispatcherConfig,
        store: t.store,
        clock,
        webhookSender: createWebhookSender(dispatcherConfig.webhooks),
      },
      {
        signal: controller.signal,
        owner: overrides.owner ?? 'test-dispatcher',
        pollIntervalMs: 10,
        ...(overrides.logger ? { logger: overrides.logger } : {}),
      },
    );
    const stop = async () => {
      controller.abort();
      await done;
    };
    stops.push(stop);
    return { stop, done };
  };

  const deliveries = async (): Promise<Delivery[]> =>
    (await t.store.deliveries.listDeliveries({ limit: 1000 })).sort((a, b) => a.url.localeCompare(b.url));

  it('classifies each answer: only HTTP 200 with "success" in any case is delivered; redirects are not followed', async () => {
    const refusedUrl = `http://127.0.0.1:${await getFreePort()}/refused`;
    const paths = Object.keys(ANSWERS);
    for (const path of paths) await seed(`${receiver.baseUrl}${path}`);
    await seed(refusedUrl);
    const startedAtMs = clock.now();
    start();
    await waitFor(async () => (await deliveries()).every((d) => isAnswered(d, 1)));

    const byPath = new Map((await deliveries()).map((d) => [new URL(d.url).pathname, d]));
    const summary: Record<string, unknown> = {};
    for (const [path, delivery] of byPath) {
      const [attempt] = await t.store.deliveries.listAttempts(delivery.deliveryId);
      summary[path] = { state: delivery.state, status: attempt?.statusCode, error: attempt?.error };
    }
    expect(summary).toEqual({
      '/success': { state: 'delivered', status: 200, error: null },
      '/Success': { state: 'delivered', status: 200, error: null },
      '/upper': { state: 'delivered', status: 200, error: null },
      '/ok': { state: 'pending', status: 200, error: 'HTTP 200 without "success" in the body' },
      '/500': { state: 'pending', status: 500, error: 'HTTP 500' },
      '/hang': { state: 'pending', status: null, error: `timeout after ${TIMEOUT_MS} ms` },
      '/redirect': { state: 'pending', status: 302, error: 'HTTP 302 redirect to /success not followed' },
      '/nul-success': { state: 'delivered', status: 200, error: null },
      '/nul-500': { state: 'pending', status: 500, error: 'HTTP 500' },
      '/refused': { state: 'pending', status: null, error: 'connection refused' },
    });
    for (const path of ['/ok', '/500', '/hang', '/redirect', '/refused']) {
      expect(byPath.get(path)?.nextAttemptAtMs).toBe(startedAtMs + 30_000);
    }
    // The redirect target was hit once: by its own delivery, not by following the 302.
    expect(receiver.received.filter((r) => r.path === '/success')).toHaveLength(1);
    const [okAttempt] = await t.store.deliveries.listAttempts(byPath.get('/ok')?.deliveryId ?? '');
    expect(okAttempt?.responseExcerpt).toBe('ok');
    const [nulAttempt] = await t.store.deliveries.listAttempts(byPath.get('/nul-500')?.deliveryId ?? '');
    expect(nulAttempt?.responseExcerpt).toBe('\uFFFDboom');
  });

  it('follows the retry schedule to the last attempt, then marks the delivery failed', async () => {
    await seed(`${receiver.baseUrl}/500`);
    const firstAtMs = clock.now();
    start();
    await waitFor(async () => isAnswered((await deliveries())[0], 1));
    for (const [index, offsetSeconds] of SCHEDULE_SECONDS.entries()) {
      const dueAtMs = firstAtMs + offsetSeconds * 1000;
      expect((await deliveries())[0]?.nextAttemptAtMs).toBe(dueAtMs);
      clock.set(dueAtMs - 1);
      await sleep(50);
      expect((await deliveries())[0]?.attempts).toBe(index + 1);
      clock.set(dueAtMs);
      await waitFor(async () => isAnswered((await deliveries())[0], index + 2));
    }
    const [delivery] = await deliveries();
    expect(delivery?.state).toBe('failed');
    clock.advance(86_400_000);
    await sleep(50);
    expect(receiver.received).toHaveLength(7);
    const attempts = await t.store.deliveries.listAttempts(delivery?.deliveryId ?? '');
    expect(attempts.map((a) => (a.startedAtMs - firstAtMs) / 1000)).toEqual([0, ...SCHEDULE_SECONDS]);
  });

  it('signs every attempt afresh so the SDK verifies the raw bytes and the re-serialised JSON', async () => {
    await seed(`${receiver.baseUrl}/500`);
    start();
    await waitFor(async () => isAnswered((await deliveries())[0], 1));
    clock.advance(30_000);
    await waitFor(async () => isAnswered((await deliveries())[0], 2));

    expect(receiver.received).toHaveLength(2);
    const timestamps = receiver.received.map((r) => r.headers.timestamp);
    expect(Number(timestamps[1]) - Number(timestamps[0])).toBe(30);
    for (const webhook of receiver.received) {
      expect(webhook.headers['content-type']).toBe('application/json; charset=utf-8');
      const verify = (rawBody: string | Buffer) =>
        verifyWebhook({ headers: webhook.headers, rawBody, appId: app.appId, appSecret, now: clock.now });
      const payload = verify(webhook.rawBody);
      expect(verify(JSON.stringify(JSON.parse(webhook.rawBody.toString('utf8'))))).toEqual(payload);
      expect(Object.keys(payload)).toEqual([
        'pay_status',
        'order_type',
        'record_id',
        'order_id',
        'product_price',
        'denominated_currency',
        'order_amount',
        'fiat_rate',
        'paid_amount',
        'token_rate',
        'chain',
        'contract',
        'crypto',
        'txid',
        'service_fee',
        'network_fee',
        'credit_amount',
        'origin_price',
        'origin_amount',
        'order_status',
        'extend',
      ]);
      expect(() =>
        verifyWebhook({
          headers: webhook.headers,
          rawBody: webhook.rawBody,
          appId: app.appId,
          appSecret: `${appSecret}x`,
          now: clock.now,
        }),
      ).toThrow();
    }
  });

  it('refuses loopback targets unless allowed, logging a clear error', async () => {
    await seed(`${receiver.baseUrl}/success`);
    await seed(`${receiver.baseUrl.replace('127.0.0.1', 'localhost')}/success`);
    const logged: string[] = [];
    const logger: WorkerLogger = {
      info() {},
      warn: (fields) => logged.push(String((fields as { error?: unknown }).error)),
      error: (fields) => logged.push(String((fields as { error?: unknown }).error)),
    };
    start({ config: withWebhooks(config, { allowedCidrs: [] }), logger });
    await waitFor(async () => (await deliveries()).every((d) => isAnswered(d, 1)));
    expect(receiver.received).toHaveLength(0);
    const errors = await Promise.all(
      (await deliveries()).map(async (d) => (await t.store.deliveries.listAttempts(d.deliveryId))[0]?.error),
    );
    expect(errors.sort()).toEqual([
      expect.stringMatching(/^forbidden target: webhook target 127\.0\.0\.1 is a loopback address$/),
      expect.stringMatching(
        /^forbidden target: webhook target localhost resolves to a loopback address \((127\.0\.0\.1|::1)\)$/,
      ),
    ]);
    expect(logged.sort()).toEqual(errors.sort());
  });

  it('keeps delivering to healthy endpoints while a dead one holds only its own slots', async () => {
    const tight = withWebhooks(config, { timeoutMs: 1_000, concurrency: 4, perEndpointConcurrency: 2 });
    // Another port is another origin: the limiter's per-endpoint key.
    const healthy = await startWebhookReceiver(() => ({ status: 200, body: 'success' }));
    stops.push(() => healthy.close());
    await seed(`${receiver.baseUrl}/hang`, 20);
    await seed(`${healthy.baseUrl}/success`, 20);
    const startedAt = performance.now();
    start({ config: tight });
    await waitFor(async () => (await deliveries()).filter((d) => d.state === 'delivered').length === 20);
    // Well inside the dead endpoint's 1 s timeout: nothing healthy waited behind it.
    expect(performance.now() - startedAt).toBeLessThan(900);
    expect(healthy.received).toHaveLength(20);
    expect(receiver.peakOpenByPath.get('/hang')).toBe(2);
  });

  it('leaves a delivery leased by another dispatcher alone until the lease expires', async () => {
    const [recordId] = await seed(`${receiver.baseUrl}/success`);
    const due = await t.store.deliveries.listDueDeliveries({ nowMs: clock.now(), limit: 10, excludeUrls: [] });
    const leased = await t.store.deliveries.leaseDeliveries({
      deliveryIds: due.map((d) => d.deliveryId),
      owner: 'crashed-dispatcher',
      nowMs: clock.now(),
      leaseUntilMs: clock.now() + 60_000,
    });
    expect(leased.map((d) => d.recordId)).toEqual([recordId]);
    start();
    await sleep(60);
    expect(receiver.received).toHaveLength(0);
    clock.advance(60_001);
    await waitFor(async () => (await deliveries())[0]?.state === 'delivered');
    expect(receiver.received).toHaveLength(1);
  });

  it('stops gracefully: the attempt in flight is finished and recorded', async () => {
    await seed(`${receiver.baseUrl}/hang`);
    const { stop } = start();
    await waitFor(async () => receiver.received.length === 1);
    await stop();
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ attempts: 1, state: 'pending', leaseOwner: null });
  });
});

function withWebhooks(config: KassaConfig, webhooks: Partial<KassaConfig['webhooks']>): KassaConfig {
  return { ...config, webhooks: { ...config.webhooks, ...webhooks } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
