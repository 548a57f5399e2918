// Risk: a request that reaches `kassa serve` after SIGTERM gets a bare 503 with no result code and no signature, which no v1 client can read.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createKassaClient, KassaApiError, KassaRequestError, RESULT_CODES, sign } from '@kassa/sdk';
import { describe, expect, it } from 'vitest';
import { getFreePort } from './support/getFreePort.ts';
import { isSignedByApp } from './support/isSignedByApp.ts';
import { openHeldRequest } from './support/openHeldRequest.ts';
import { seedServeDatabase } from './support/seedServeDatabase.ts';
import { startServeProcess } from './support/startServeProcess.ts';
import { testDatabases } from './support/testDatabases.ts';
import { waitUntilRefused } from './support/waitUntilRefused.ts';

describe.each(testDatabases())('requests kassa serve reads while it stops ($kind)', { timeout: 60_000 }, (database) => {
  it('get a signed service_unavailable envelope on the merchant API and a plain 503 elsewhere', async () => {
    const db = await seedServeDatabase(database, { webhookUrl: 'http://127.0.0.1:9/hook', deliveries: 0 });
    const port = await getFreePort();
    const configFile = path.join(db.dataDir, 'kassa.json');
    writeFileSync(configFile, JSON.stringify({ server: { shutdownGraceMs: 10_000 }, metrics: { port: 0 } }));
    const serve = startServeProcess(['--config', configFile, '--port', String(port), '--role', 'api'], {
      ...db.env,
      KASSA_LOG_LEVEL: 'info',
    });
    try {
      await serve.waitUntilServing(`http://127.0.0.1:${port}/readyz`);
      // Requests the server has begun to read: it keeps their connections open while it stops.
      const known = await openHeldRequest({ port, method: 'POST', path: '/ccpayment/v1/bill/info' });
      const unknown = await openHeldRequest({ port, method: 'POST', path: '/ccpayment/v1/bill/info' });
      const health = await openHeldRequest({ port, method: 'GET', path: '/healthz' });
      await new Promise((r) => setTimeout(r, 200));
      serve.child.kill('SIGTERM');
      // A connection opened now is refused outright; the held ones are answered below.
      await waitUntilRefused(port);

      const client = createKassaClient({
        appId: db.appId,
        appSecret: db.appSecret,
        baseUrl: `http://127.0.0.1:${port}`,
        fetch: known.fetch,
      });
      const error = await client.getOrders(['A-1']).then(
        () => null,
        (e: unknown) => e,
      );
      // A transport failure to retry (HTTP 503), whose envelope the SDK reads as a KassaApiError.
      expect(error).toBeInstanceOf(KassaRequestError);
      expect(error).toMatchObject({ status: 503, path: 'bill/info' });
      const cause = (error as Error).cause;
      expect(cause).toBeInstanceOf(KassaApiError);
      expect(cause).toMatchObject({ code: RESULT_CODES.service_unavailable, codeName: 'service_unavailable' });

      const signed = await known.response;
      expect(signed.status).toBe(503);
      expect(signed.headers.get('connection')).toBe('close');
      expect(signed.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(JSON.parse(signed.text)).toEqual({ code: 100016, msg: expect.any(String), data: null });
      expect(isSignedByApp(signed, db)).toBe(true);

      // An Appid that names no app: the same envelope, unsigned (there is no secret to sign with).
      const timestamp = String(Math.floor(Date.now() / 1000));
      const unsigned = await unknown.finish(
        {
          Appid: '999999',
          Timestamp: timestamp,
          Sign: sign({ appId: '999999', appSecret: 'x', timestamp, body: '{}' }),
        },
        '{}',
      );
      expect(unsigned.status).toBe(503);
      expect(JSON.parse(unsigned.text)).toMatchObject({ code: 100016, data: null });
      expect(unsigned.headers.get('sign')).toBeNull();

      const page = await health.finish({});
      expect(page).toMatchObject({ status: 503, text: 'stopping' });
      expect(page.headers.get('connection')).toBe('close');

      expect(await serve.exited).toBe(0);
      expect(serve.output()).toContain('kassa stopped');
    } finally {
      serve.child.kill('SIGKILL');
      await db.dispose();
    }
  });
});
