// Guards against an operator unable to see failed webhooks or to re-send one from the command line.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../test/support/buildPaidOrder.ts';
import { createSequentialIds } from '../../test/support/createSequentialIds.ts';
import { createTestClock } from '../../test/support/createTestClock.ts';
import { enqueuePaidOrderWebhooks } from '../../test/support/enqueuePaidOrderWebhooks.ts';
import { KASSA_SOURCE_ARGS } from '../../test/support/kassaSourceArgs.ts';
import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createDb, type KassaDb } from '../adapters/db/createDb.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { migrateToLatest } from '../adapters/db/migrateToLatest.ts';
import { createApp } from '../app/createApp.ts';
import { loadConfig } from '../config/loadConfig.ts';
import type { App } from '../core/App.ts';

const run = promisify(execFile);

describe('kassa webhook', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-webhook-cli-'));
  const env = { KASSA_DATA_DIR: dataDir, KASSA_MASTER_KEY: 'ab'.repeat(32), KASSA_LOG_LEVEL: 'silent' };
  let kassaDb: KassaDb;
  const recordIds: string[] = [];

  const kassa = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [...KASSA_SOURCE_ARGS, 'webhook', ...args], {
        env: { ...process.env, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    const config = loadConfig({ mode: 'auto', env });
    kassaDb = createDb({ url: config.database.url });
    await migrateToLatest(kassaDb);
    const store = createStore(kassaDb, createSecretBox(config.masterKey));
    const clock = createTestClock();
    const ids = createSequentialIds();
    const { appId } = await createApp({ store, clock, ids }, { name: 'Shop', webhookUrl: 'https://shop.example/hook' });
    const app = (await store.apps.findApp(appId)) as App;
    for (const n of [1, 2]) {
      clock.advance(1000);
      const built = buildPaidOrder({ n, appId, nowMs: clock.now() });
      await store.transaction((tx) => enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids }));
      recordIds.push(built.payment.recordId);
    }
    await kassaDb.db
      .updateTable('deliveries')
      .set({ state: 'failed', attempts: 7 })
      .where('record_id', '=', recordIds[0] ?? '')
      .execute();
    await kassaDb.db
      .insertInto('delivery_attempts')
      .values({
        delivery_id: (await deliveryOf(recordIds[0] ?? '')).delivery_id,
        started_at: clock.now(),
        latency_ms: 10000,
        status_code: null,
        error: 'timeout after 10000 ms',
        response_excerpt: '',
        delivered: 0,
      })
      .execute();
  });
  afterAll(async () => {
    await kassaDb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const deliveryOf = (recordId: string) =>
    kassaDb.db.selectFrom('deliveries').selectAll().where('record_id', '=', recordId).executeTakeFirstOrThrow();

  it('lists deliveries newest first, --failed only the failed ones with their last error', async () => {
    const all = await kassa(['list', '--json']);
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.record_id, l.state])).toEqual([
      [recordIds[1], 'pending'],
      [recordIds[0], 'failed'],
    ]);
    const failed = await kassa(['list', '--failed']);
    const failedId = (await deliveryOf(recordIds[0] ?? '')).delivery_id;
    expect(failed.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${failedId}  failed .* 7 attempts  https://shop.example/hook  last error: timeout after 10000 ms$`,
        ),
      ),
    ]);
  });

  it('resend makes a delivery pending and due now; an unknown id is a usage error', async () => {
    const failedId = (await deliveryOf(recordIds[0] ?? '')).delivery_id;
    const before = Date.now();
    const resent = await kassa(['resend', failedId]);
    expect(resent).toMatchObject({ code: 0, stdout: `re-queued ${failedId}: a running dispatcher sends it now\n` });
    const row = await deliveryOf(recordIds[0] ?? '');
    expect(row).toMatchObject({ state: 'pending', attempts: 7 });
    expect(Number(row.next_attempt_at)).toBeGreaterThanOrEqual(before);
    expect(await kassa(['resend', 'nope'])).toMatchObject({
      code: 1,
      stderr: 'kassa: webhook resend: no delivery nope\n',
    });
  });
});
