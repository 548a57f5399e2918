// Risk: /metrics is not valid exposition text, or does not move with what the gateway does: an order created, paid on chain, its webhook delivered.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayMetrics, type GatewayMetrics } from '../src/adapters/metrics/createGatewayMetrics.ts';
import { type MetricsServer, startMetricsServer } from '../src/adapters/metrics/startMetricsServer.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
import type { Network } from '../src/core/network.ts';
import type { DevChain } from './fixtures/devChain.ts';
import type { Payer } from './support/createPayer.ts';
import { FAST_WATCHER_TUNING } from './support/fastWatcherTuning.ts';
import { type PrometheusText, parsePrometheusText } from './support/parsePrometheusText.ts';
import { startPayingDevChain } from './support/startPayingDevChain.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/startWebhookReceiver.ts';
import { testDatabases } from './support/testDatabases.ts';
import { waitForOrderInfo } from './support/waitForOrderInfo.ts';

const CREATE_ROUTE = { method: 'POST', route: '/ccpayment/v1/concise/url/get' };

let chain: DevChain;
let network: Network;
let payer: Payer;

beforeAll(async () => {
  ({ chain, network, payer } = await startPayingDevChain({ confirmations: 1 }));
});
afterAll(async () => chain?.stop());

describe.each(testDatabases())('/metrics ($kind)', (database) => {
  let t: TestGateway;
  let metrics: GatewayMetrics;
  let server: MetricsServer;
  let receiver: WebhookReceiver;
  let stopWorkers: () => Promise<void>;

  const scrape = async (): Promise<PrometheusText> => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };
  /** Scrapes until `isDone` holds (the gauges read the database at most once a second). */
  const scrapeUntil = async (isDone: (m: PrometheusText) => boolean, timeoutMs = 30_000): Promise<PrometheusText> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const scraped = await scrape();
      if (isDone(scraped)) return scraped;
      if (Date.now() > deadline) throw new Error('metrics did not reach the expected values');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200, body: 'success' }));
    metrics = createGatewayMetrics();
    t = await startTestGateway(database, {
      networks: [network],
      metrics,
      webhookUrl: `${receiver.baseUrl}/hook`,
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
    });
    stopWorkers = t.gateway.startWorkers({
      roles: ['watcher', 'dispatcher'],
      watcher: FAST_WATCHER_TUNING,
      dispatcher: { pollIntervalMs: 20 },
    });
    server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      registry: metrics.registry,
      readiness: t.gateway.readiness,
      onError: (error) => {
        throw error;
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await stopWorkers?.();
    await t?.stop();
    await receiver?.close();
  });

  // 90 s: room for its waits (up to 30 s each) on a loaded machine.
  it('counts an order created, paid on anvil and its webhook delivered', async () => {
    const before = await scrape();
    expect(before.value('kassa_orders_created_total', { kind: 'hosted' })).toBe(0);
    expect(before.value('kassa_webhook_attempts_total', { outcome: 'delivered' })).toBe(0);
    expect(before.families.get('process_cpu_user_seconds_total')?.type).toBe('counter');

    await t.client.createCheckoutUrl({ merchant_order_id: 'm-1', product_price: '10', product_name: 'Tea' });
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, ['m-1']);
    const usdt = network.tokens.find((token) => token.symbol === 'USDT');
    if (order === undefined || usdt === undefined) throw new Error('order or USDT missing');
    const quote = await selectCoin(t.gateway.deps, { order, tokenId: usdt.tokenId });
    const created = await scrape();
    expect(created.value('kassa_orders_created_total', { kind: 'hosted' })).toBe(1);
    expect(created.value('kassa_http_requests_total', { ...CREATE_ROUTE, status: '200', result_code: '10000' })).toBe(
      1,
    );
    expect(created.value('kassa_http_request_duration_seconds_count', CREATE_ROUTE)).toBe(1);
    expect(created.value('kassa_orders_paid_total')).toBe(0);

    await payer.payToken(chain.tokens.USDT, quote.address, 10_000_000n);
    await waitForOrderInfo(t.client, 'm-1', (info) => info.order_detail.status === 'Successful', 30_000);
    // At least once: on a loaded machine a lease can run out mid-attempt and the webhook go twice.
    const delivered = (m: PrometheusText) => m.value('kassa_webhook_attempts_total', { outcome: 'delivered' }) ?? 0;
    const paid = await scrapeUntil((m) => delivered(m) >= 1);
    expect(receiver.received.length).toBeGreaterThanOrEqual(delivered(paid));
    expect(paid.value('kassa_orders_paid_total')).toBe(1);
    expect(paid.value('kassa_orders_created_total', { kind: 'hosted' })).toBe(1);
    expect(paid.value('kassa_webhook_attempts_total', { outcome: 'retry' })).toBe(0);
    const head = Number(await payer.getBlockNumber());
    expect(paid.value('kassa_watcher_cursor_block', { network: 'DEV' })).toBeGreaterThanOrEqual(head - 1);
    expect(paid.value('kassa_watcher_head_block', { network: 'DEV' })).toBeGreaterThanOrEqual(head - 1);
    expect(paid.value('kassa_watcher_lag_blocks', { network: 'DEV' })).toBe(0);
    // The outbox is empty again once the delivery is recorded.
    const drained = await scrapeUntil((m) => m.value('kassa_webhook_queue_pending') === 0);
    expect(drained.value('kassa_webhook_queue_oldest_due_age_seconds')).toBe(0);
    // Each series by its route's pattern: checkout pages count as /pay/:token, not by their token.
    const routes = new Set(paid.families.get('kassa_http_requests_total')?.samples.map((s) => s.labels.route));
    expect([...routes].every((route) => route === 'unmatched' || route?.startsWith('/'))).toBe(true);
  }, 90_000);

  it('labels unmatched requests by a fixed name, not by their URL', async () => {
    await fetch(`${t.baseUrl}/no/such/path/${'x'.repeat(20)}`);
    const scraped = await scrape();
    expect(
      scraped.value('kassa_http_requests_total', { method: 'GET', route: 'unmatched', status: '404', result_code: '' }),
    ).toBe(1);
    expect(JSON.stringify([...scraped.families.keys()])).not.toContain('xxxx');
  });

  it('serves /readyz and /healthz beside /metrics, and nothing else', async () => {
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/ccpayment/v1/concise/url/get`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});
