// Guards against a payment change without its webhook (or with a wrong or duplicated one) in the outbox.
import { encodeJson } from '@kassa/sdk';
import { describe, expect } from 'vitest';
import { buildPaidOrder, type PaidOrder } from '../../test/support/buildPaidOrder.ts';
import { databaseTest } from '../../test/support/databaseTest.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import { EVM_NETWORK_KIND } from '../adapters/chains/evm/evmNetworkKind.ts';
import type { App } from '../core/App.ts';
import type { Network } from '../core/network.ts';
import { buildDepositWebhookBody } from '../protocol/webhook/buildDepositWebhookBody.ts';
import { enqueuePaymentWebhooks } from './enqueuePaymentWebhooks.ts';

/** EVM's wire forms: the chain under its key, txids as held. */
const AS_HELD = { chain: 'DEV', formatTxid: (txid: string) => txid };

const APP_URL = 'https://shop.example/kassa/webhook';

/** `databaseTest` with `enqueue`: writes a built payment's webhook for `app` (with changes) in a transaction of its own. */
const it = databaseTest.extend(
  'enqueue',
  ({ t, app, ids, clock }) =>
    (built: PaidOrder, appOverride: Partial<App> = {}, networks?: Network[]) =>
      t.store.transaction((tx) =>
        enqueuePaymentWebhooks(
          { tx, ids, ...(networks === undefined ? {} : { networks }) },
          {
            app: { ...app, ...appOverride },
            ...built,
            orderStatus: { funds: 'full', isOverdue: false },
            nowMs: clock.now(),
          },
        ),
      ),
);

describe.each(testDatabases())('enqueuePaymentWebhooks on $kind', (database) => {
  it.override({ database, appWebhookUrl: APP_URL });

  it('writes one success delivery to the app URL with the §7.1 body, once however often it is called', async ({
    t,
    app,
    clock,
    enqueue,
  }) => {
    const built = buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now() });
    await enqueue(built);
    await enqueue(built);
    const deliveries = await t.store.deliveries.listDeliveries({ limit: 10 });
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery).toMatchObject({
      appId: app.appId,
      orderId: built.order.orderId,
      recordId: built.payment.recordId,
      event: 'success',
      url: APP_URL,
      state: 'pending',
      attempts: 0,
      nextAttemptAtMs: clock.now(),
      leaseOwner: null,
    });
    const expected = buildDepositWebhookBody({
      event: 'success',
      ...built,
      orderStatus: { funds: 'full', isOverdue: false },
      feeRate: app.feeRate,
      contract: built.quote.contract ?? '',
      wire: AS_HELD,
    });
    expect(delivery?.body).toBe(encodeJson(expected));
  });

  it("prefers the order's notify_url and writes nothing when there is no URL at all", async ({
    t,
    app,
    clock,
    enqueue,
  }) => {
    await enqueue(
      buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now(), notifyUrl: 'https://other.example/hook' }),
    );
    await enqueue(buildPaidOrder({ n: 2, appId: app.appId, nowMs: clock.now() }), { webhookUrl: null });
    const deliveries = await t.store.deliveries.listDeliveries({ limit: 10 });
    expect(deliveries.map((d) => d.url)).toEqual(['https://other.example/hook']);
  });

  it('sends processing only to apps that opted in', async ({ t, app, clock, enqueue }) => {
    await enqueue(buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now(), paymentStatus: 'processing' }));
    await enqueue(buildPaidOrder({ n: 2, appId: app.appId, nowMs: clock.now(), paymentStatus: 'processing' }), {
      notifyProcessing: true,
      enabledTokenIds: null,
      disabledAtMs: null,
    });
    const deliveries = await t.store.deliveries.listDeliveries({ limit: 10 });
    expect(deliveries.map((d) => [d.recordId.slice(-1), d.event])).toEqual([['2', 'processing']]);
  });

  it('sends failed only for a payment the merchant heard about', async ({ t, app, clock, enqueue }) => {
    const unheard = buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now(), paymentStatus: 'failed' });
    await enqueue(unheard);
    expect(await t.store.deliveries.listDeliveries({ limit: 10 })).toEqual([]);

    const heard = buildPaidOrder({ n: 2, appId: app.appId, nowMs: clock.now() });
    await enqueue(heard);
    await enqueue({ ...heard, payment: { ...heard.payment, status: 'failed' } });
    const processingOnly = buildPaidOrder({ n: 3, appId: app.appId, nowMs: clock.now(), paymentStatus: 'processing' });
    await enqueue(processingOnly, { notifyProcessing: true });
    await enqueue({ ...processingOnly, payment: { ...processingOnly.payment, status: 'failed' } });
    const events = (await t.store.deliveries.listDeliveries({ limit: 10 })).map(
      (d) => `${d.recordId.slice(-1)}:${d.event}`,
    );
    expect(events.sort()).toEqual(['2:failed', '2:success', '3:failed', '3:processing']);
  });

  it('commits with the payment change or not at all', async ({ t, app, clock, ids }) => {
    const built = buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now() });
    await expect(
      t.store.transaction(async (tx) => {
        await enqueuePaymentWebhooks(
          { tx, ids },
          { app, ...built, orderStatus: { funds: 'full', isOverdue: false }, nowMs: clock.now() },
        );
        throw new Error('the payment update failed');
      }),
    ).rejects.toThrow('the payment update failed');
    expect(await t.store.deliveries.listDeliveries({ limit: 10 })).toEqual([]);
  });

  it("writes a native coin's contract as its network's chain id", async ({ t, app, clock, enqueue }) => {
    const built = buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now() });
    const native = { ...built, quote: { ...built.quote, contract: null, symbol: 'ETH', decimals: 18 } };
    const network = { key: 'DEV', chainId: 31337, kind: EVM_NETWORK_KIND } as Network;
    await enqueue(native, {}, [network]);
    const [delivery] = await t.store.deliveries.listDeliveries({ limit: 1 });
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ contract: '31337', crypto: 'ETH' });
  });
});
