// Risk: the scrape-time gauges misreport the webhook outbox or the price ages, or a scrape storm reads the database on every scrape.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { type FixtureServer, startFixtureServer } from '../../../test/fixtures/rates/startFixtureServer.ts';
import { buildPaidOrder } from '../../../test/support/buildPaidOrder.ts';
import { databaseTest } from '../../../test/support/databaseTest.ts';
import { enqueuePaidOrderWebhooks } from '../../../test/support/enqueuePaidOrderWebhooks.ts';
import { parsePrometheusText } from '../../../test/support/parsePrometheusText.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createRateSource } from '../rates/createRateSource.ts';
import { createGatewayMetrics } from './createGatewayMetrics.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
  server.respond(() => ({ status: 200, body: readRateFixture('binance', 'ticker-price.json') }));
});
afterAll(() => server.close());

describe.each(testDatabases())('gateway metrics ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest(
    'reads the outbox depth and the age of its oldest due delivery, and the price ages',
    async ({ t, clock, ids, app }) => {
      const rates = createRateSource({
        exchangeTokens: [
          { symbol: 'ETH', sources: ['binance'], cacheMs: 30_000, staleMs: 90_000, maxSpread: { units: 2n, scale: 2 } },
        ],
        baseUrls: { binance: server.baseUrl },
        timeoutMs: 2_000,
        now: clock.now,
      });
      await rates.refresh();
      const metrics = createGatewayMetrics();
      const warnings: unknown[] = [];
      metrics.watchSources({
        db: t.kassaDb.db,
        now: clock.now,
        rates,
        logger: { warn: (fields) => warnings.push(fields) },
      });
      const scrape = async () => parsePrometheusText(await metrics.registry.metrics());

      const empty = await scrape();
      expect(empty.value('kassa_webhook_queue_pending')).toBe(0);
      expect(empty.value('kassa_webhook_queue_oldest_due_age_seconds')).toBe(0);
      expect(empty.value('kassa_rate_age_seconds', { source: 'binance', token: 'ETH' })).toBe(0);

      for (const n of [1, 2]) {
        const built = buildPaidOrder({ n, appId: app.appId, nowMs: clock.now(), notifyUrl: null });
        await t.store.transaction((tx) => enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids }));
      }
      clock.advance(5_000);
      // Read at most once a second: the next scrape still shows the empty outbox.
      expect((await scrape()).value('kassa_webhook_queue_pending')).toBe(0);
      await new Promise((r) => setTimeout(r, 1_000));
      const queued = await scrape();
      expect(queued.value('kassa_webhook_queue_pending')).toBe(2);
      expect(queued.value('kassa_webhook_queue_due')).toBe(2);
      expect(queued.value('kassa_webhook_queue_oldest_due_age_seconds')).toBe(5);
      expect(queued.value('kassa_rate_age_seconds', { source: 'binance', token: 'ETH' })).toBe(5);
      expect(warnings).toEqual([]);
    },
  );
});
