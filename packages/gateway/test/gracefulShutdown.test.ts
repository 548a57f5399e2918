// Risk: stopping `kassa serve` (SIGTERM) cuts a request off mid-answer, loses a webhook delivery or leaves one leased, or does not exit within its grace period.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getFreePort } from './support/getFreePort.ts';
import { type OrderRequestResult, postOrderRequest } from './support/postOrderRequest.ts';
import { type ServeDatabase, seedServeDatabase } from './support/seedServeDatabase.ts';
import { startServeProcess } from './support/startServeProcess.ts';
import { type ReceiverAnswer, startWebhookReceiver } from './support/startWebhookReceiver.ts';
import { testDatabases } from './support/testDatabases.ts';

/** What exiting takes beyond the grace period on a loaded machine: writes, pool closes, process exit. */
const EXIT_SLACK_MS = 2_500;

const DELIVERIES = 12;
const CLIENTS = 8;

type Sent = { readonly id: string; readonly result: OrderRequestResult; readonly endedAt: number };

/** Starts `kassa serve` on a seeded database, its webhooks answered as `answer` says. */
async function startServe(database: Parameters<typeof seedServeDatabase>[0], answer: ReceiverAnswer, graceMs: number) {
  const receiver = await startWebhookReceiver(() => answer);
  const db = await seedServeDatabase(database, { webhookUrl: `${receiver.baseUrl}/hook`, deliveries: DELIVERIES });
  const [port, metricsPort] = [await getFreePort(), await getFreePort()];
  const configFile = path.join(db.dataDir, 'kassa.json');
  const config = {
    server: { shutdownGraceMs: graceMs },
    metrics: { port: metricsPort },
    webhooks: { allowedCidrs: ['127.0.0.0/8'] },
  };
  writeFileSync(configFile, JSON.stringify(config));
  const serve = startServeProcess(['--config', configFile, '--port', String(port)], {
    ...db.env,
    KASSA_LOG_LEVEL: 'info',
  });
  await serve.waitUntilServing(`http://127.0.0.1:${port}/readyz`);
  return { receiver, db, port, metricsUrl: `http://127.0.0.1:${metricsPort}`, serve };
}

/** Every delivery row as it stands. */
async function readDeliveries(db: ServeDatabase) {
  const kassaDb = db.open();
  try {
    const { rows } = await sql<{ record_id: string; state: string; lease_until: string | number | null }>`
      select record_id, state, lease_until from deliveries`.execute(kassaDb.db);
    const orders = await sql<{ merchant_order_id: string }>`select merchant_order_id from orders`.execute(kassaDb.db);
    return { deliveries: rows, orderIds: new Set(orders.rows.map((row) => row.merchant_order_id)) };
  } finally {
    await kassaDb.close();
  }
}

async function until(isDone: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDatabases())('kassa serve on SIGTERM ($kind)', { timeout: 120_000 }, (database) => {
  it('answers every request it took and finishes every webhook attempt in flight, then exits 0', async () => {
    const { receiver, db, port, metricsUrl, serve } = await startServe(
      database,
      { status: 200, body: 'success', delayMs: 1_000 },
      10_000,
    );
    try {
      const sent: Sent[] = [];
      let next = 0;
      // Each client sends until the server refuses it: before, during and after the stop.
      const client = async () => {
        for (;;) {
          const id = `order-${next++}`;
          const result = await postOrderRequest({
            port,
            appId: db.appId,
            appSecret: db.appSecret,
            merchantOrderId: id,
          });
          sent.push({ id, result, endedAt: performance.now() });
          if (result.kind === 'failed') return;
        }
      };
      const clients = Array.from({ length: CLIENTS }, client);
      await until(() => receiver.received.length >= 4 && sent.length >= 50, 60_000);
      const signalledAt = performance.now();
      serve.child.kill('SIGTERM');
      // The attempts in flight take a second more: meanwhile the process is up and says it is not ready.
      let readyz = await fetch(`${metricsUrl}/readyz`);
      while (readyz.status === 200) {
        await new Promise((r) => setTimeout(r, 20));
        readyz = await fetch(`${metricsUrl}/readyz`);
      }
      expect(readyz.status).toBe(503);
      expect(await readyz.json()).toMatchObject({ reasons: ['stopping'] });
      expect(await serve.exited).toBe(0);
      await Promise.all(clients);
      expect(serve.output()).toContain('kassa stopped');

      const { deliveries, orderIds } = await readDeliveries(db);
      const answered = sent.filter((s) => s.result.kind === 'answered');
      const failed = sent.filter((s) => s.result.kind === 'failed');
      expect(
        answered.filter((s) => s.result.kind === 'answered' && s.result.code === 10000).length,
      ).toBeGreaterThanOrEqual(50);
      for (const { id, result } of answered) {
        // A full answer: the order, or a 503 the closing server gave instead of taking the request.
        if (result.kind === 'answered' && result.status === 200) {
          expect(result.code).toBe(10000);
          expect(orderIds.has(id)).toBe(true);
        } else {
          expect(result).toMatchObject({ status: 503 });
          expect(orderIds.has(id)).toBe(false);
        }
      }
      for (const { id, result, endedAt } of failed) {
        // Refused after the stop began, before any byte of an answer, and never taken: a connection
        // still in the listen queue, or accepted with no request read yet, is reset rather than
        // refused, which the database confirms (a retry is safe: order ids are idempotent).
        expect(result).toMatchObject({ hadResponse: false });
        expect(['ECONNREFUSED', 'ECONNRESET', 'socket hang up']).toContain(result.kind === 'failed' && result.error);
        expect(endedAt).toBeGreaterThan(signalledAt);
        expect(orderIds.has(id)).toBe(false);
      }

      const received = new Set(
        receiver.received.map((r) => (JSON.parse(r.rawBody.toString()) as { record_id: string }).record_id),
      );
      const delivered = deliveries.filter((d) => d.state === 'delivered').map((d) => d.record_id);
      expect(delivered.length).toBeGreaterThanOrEqual(4);
      expect(new Set(delivered)).toEqual(received);
      for (const delivery of deliveries.filter((d) => d.state !== 'delivered')) {
        expect(delivery.state).toBe('pending');
        // Not leased: the next dispatcher takes it at once.
        expect(delivery.lease_until === null || Number(delivery.lease_until) <= Date.now()).toBe(true);
      }
    } finally {
      serve.child.kill('SIGKILL');
      await receiver.close();
      await db.dispose();
    }
  });

  it('cuts webhook attempts that outlast the grace period short and still exits in time, leaving nothing leased', async () => {
    const { receiver, db, serve } = await startServe(database, 'hang', 1_000);
    try {
      await until(() => receiver.received.length >= 4, 60_000);
      const signalledAt = Date.now();
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      // The grace period (1 s) bounds the wait for the hung attempts; the process still has to write
      // their rows, close its pools and exit, which a loaded 2-core machine stretches by up to a
      // second or two. Without the cut it would wait out the webhook timeout (10 s).
      expect(Date.now() - signalledAt).toBeLessThan(1_000 + EXIT_SLACK_MS);
      const { deliveries } = await readDeliveries(db);
      expect(deliveries.filter((d) => d.state === 'delivered')).toEqual([]);
      // Cut attempts are due again at once and unleased: the next dispatcher sends them without waiting.
      for (const d of deliveries) expect(d.lease_until).toBeNull();
      const kassaDb = db.open();
      try {
        const { rows } = await sql<{ state: string; error: string | null }>`
          select state, error from delivery_attempts`.execute(kassaDb.db);
        expect(rows.length).toBeGreaterThanOrEqual(4);
        for (const row of rows) expect(row).toEqual({ state: 'interrupted', error: 'cut short before an answer' });
      } finally {
        await kassaDb.close();
      }
    } finally {
      serve.child.kill('SIGKILL');
      await receiver.close();
      await db.dispose();
    }
  });
});
