// Guards against webhook/resend re-sending the wrong deliveries (other apps, outside the window, delivered ones by default) or ignoring its limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../../../test/support/buildPaidOrder.ts';
import { createSequentialIds } from '../../../../test/support/createSequentialIds.ts';
import { enqueuePaidOrderWebhooks } from '../../../../test/support/enqueuePaidOrderWebhooks.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { startWebhookReceiver } from '../../../../test/support/startWebhookReceiver.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { createApp } from '../../../app/createApp.ts';
import type { App } from '../../../core/App.ts';
import type { DeliveryState } from '../../../core/Delivery.ts';
import { startWebhookDispatcher } from '../../../workers/startWebhookDispatcher.ts';
import { createWebhookSender } from '../../webhooks/createWebhookSender.ts';

const HOUR_MS = 3_600_000;

describe.each(testDatabases())('webhook/resend ($kind)', (database) => {
  let t: TestGateway;
  let n = 0;

  beforeEach(async () => {
    t = await startTestGateway(database, { ids: createSequentialIds(), webhookUrl: 'https://shop.example/hook' });
  });
  afterEach(async () => t.stop());

  const post = (body: string) => postAsTestApp(t, 'webhook/resend', body);

  /** A delivery created now, put in `state` as the dispatcher would leave it. */
  const seed = async (appId: string, state: DeliveryState, url?: string): Promise<string> => {
    const app = (await t.gateway.deps.store.apps.findApp(appId)) as App;
    const built = buildPaidOrder({
      n: ++n,
      appId,
      nowMs: t.clock.now(),
      ...(url === undefined ? {} : { notifyUrl: url }),
    });
    await t.gateway.deps.store.transaction((tx) =>
      enqueuePaidOrderWebhooks(tx, { app, built, nowMs: t.clock.now(), ids: t.gateway.deps.ids }),
    );
    const attempts = state === 'failed' ? 7 : state === 'delivered' ? 1 : 2;
    await t.gateway.kassaDb.db
      .updateTable('deliveries')
      .set({ state, attempts, next_attempt_at: t.clock.now() + 10 * HOUR_MS, first_attempt_at: t.clock.now() })
      .where('record_id', '=', built.payment.recordId)
      .execute();
    return built.payment.recordId;
  };

  const stateOf = async (recordId: string) =>
    t.gateway.kassaDb.db
      .selectFrom('deliveries')
      .select(['state', 'attempts', 'next_attempt_at'])
      .where('record_id', '=', recordId)
      .executeTakeFirstOrThrow();

  it("re-queues only this app's failed deliveries in the window by default, with the attempt count continuing", async () => {
    const windowStart = Math.floor(t.clock.now() / 1000);
    const failed = await seed(t.appId, 'failed');
    const delivered = await seed(t.appId, 'delivered');
    const pending = await seed(t.appId, 'pending');
    const other = await createApp(t.gateway.deps, { name: 'Other', webhookUrl: 'https://other.example/hook' });
    const othersFailed = await seed(other.appId, 'failed');
    t.clock.advance(2 * HOUR_MS);
    const laterFailed = await seed(t.appId, 'failed');

    const response = await post(`{"start_timestamp":${windowStart}}`);
    expect(response.text).toBe('{"code":10000,"msg":"success","data":{"resend_count":1}}');
    expect(await stateOf(failed)).toEqual({ state: 'pending', attempts: 7, next_attempt_at: t.clock.now() });
    for (const untouched of [othersFailed, laterFailed]) expect((await stateOf(untouched)).state).toBe('failed');
    expect((await stateOf(delivered)).state).toBe('delivered');

    t.clock.advance(60_000);
    const all = await t.client.resendWebhooks({
      start_timestamp: windowStart,
      end_timestamp: windowStart + 3600,
      webhook_result: 'All Result',
      transaction_type: 'API Deposit',
    });
    expect(all).toEqual({ resend_count: 3 });
    for (const recordId of [delivered, pending]) {
      expect(await stateOf(recordId)).toMatchObject({ state: 'pending', next_attempt_at: t.clock.now() });
    }
    t.clock.advance(60_000);
    expect(await t.client.resendWebhooks({ start_timestamp: windowStart, transaction_type: 'Refund' })).toEqual({
      resend_count: 0,
    });
  });

  it('allows one resend a minute and 25 a day per app', async () => {
    const start = Math.floor(t.clock.now() / 1000);
    const body = `{"start_timestamp":${start}}`;
    expect((await post(body)).json.code).toBe(10000);
    const tooSoon = await post(body);
    expect([tooSoon.status, tooSoon.text]).toEqual([
      429,
      '{"code":100012,"msg":"webhook/resend: at most once per minute","data":null}',
    ]);
    t.clock.advance(59_999);
    expect((await post(body)).json.code).toBe(100012);
    t.clock.advance(1);
    for (let i = 2; i <= 25; i++) {
      expect((await post(body)).json.code).toBe(10000);
      t.clock.advance(60_000);
    }
    expect((await post(body)).json.msg).toBe('webhook/resend: at most 25 per day');
    // The day is a sliding 24 hours from the first of them.
    t.clock.set(start * 1000 + 24 * HOUR_MS);
    expect((await post(body)).json.code).toBe(10000);
  });

  it('lets only one of several simultaneous resends through', async () => {
    const body = `{"start_timestamp":${Math.floor(t.clock.now() / 1000)}}`;
    const codes = (await Promise.all(Array.from({ length: 6 }, () => post(body)))).map((r) => r.json.code);
    expect(codes.filter((c) => c === 10000)).toHaveLength(1);
    expect(codes.filter((c) => c === 100012)).toHaveLength(5);
  });

  it('names the field and the rule of a bad request', async () => {
    const start = Math.floor(t.clock.now() / 1000);
    const cases: [string, string][] = [
      ['{}', 'start_timestamp: is required'],
      ['{"start_timestamp":"yesterday"}', 'start_timestamp: must be Unix seconds (a whole number)'],
      [`{"start_timestamp":${start * 1000}}`, 'start_timestamp: must be Unix seconds, not milliseconds'],
      [
        `{"start_timestamp":${start},"end_timestamp":${start + 3601}}`,
        'end_timestamp: at most 1 hour after start_timestamp',
      ],
      [
        `{"start_timestamp":${start},"end_timestamp":${start - 1}}`,
        'end_timestamp: must not be before start_timestamp',
      ],
      [
        `{"start_timestamp":${start},"webhook_result":"Success"}`,
        'webhook_result: must be one of "Failed", "All Result"',
      ],
      [
        `{"start_timestamp":${start},"transaction_type":"Deposit"}`,
        'transaction_type: must be one of "All Type", "API Deposit", "Refund"',
      ],
    ];
    for (const [body, msg] of cases) expect((await post(body)).json).toEqual({ code: 100006, msg, data: null });
    // Refused requests do not use up the limits.
    expect((await post(`{"start_timestamp":"${start}","webhook_result":"all result"}`)).json.code).toBe(10000);
  });

  it('delivers a re-sent webhook on the next dispatcher pass', async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 200, body: 'success' }));
    try {
      const start = Math.floor(t.clock.now() / 1000);
      const recordId = await seed(t.appId, 'failed', `${receiver.baseUrl}/hook`);
      const controller = new AbortController();
      const webhookSender = createWebhookSender(t.gateway.deps.config.webhooks);
      const done = startWebhookDispatcher(
        { ...t.gateway.deps, webhookSender },
        {
          signal: controller.signal,
          owner: 'resend-test',
          pollIntervalMs: 10,
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(receiver.received).toHaveLength(0);
      expect((await post(`{"start_timestamp":${start}}`)).json.data).toEqual({ resend_count: 1 });
      const deadline = Date.now() + 5_000;
      while ((await stateOf(recordId)).state !== 'delivered' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      controller.abort();
      await done;
      expect(await stateOf(recordId)).toMatchObject({ state: 'delivered', attempts: 8 });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
