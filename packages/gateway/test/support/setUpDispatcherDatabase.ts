import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSecretBox } from '../../src/adapters/crypto/createSecretBox.ts';
import { createDb, type KassaDb } from '../../src/adapters/db/createDb.ts';
import { createStore } from '../../src/adapters/db/createStore.ts';
import { migrateToLatest } from '../../src/adapters/db/migrateToLatest.ts';
import { createRandomIdSource } from '../../src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../../src/adapters/system/createSystemClock.ts';
import { createApp } from '../../src/app/createApp.ts';
import type { App } from '../../src/core/App.ts';
import type { Store } from '../../src/core/ports.ts';
import { buildPaidOrder } from './buildPaidOrder.ts';
import { enqueuePaidOrderWebhooks } from './enqueuePaidOrderWebhooks.ts';
import type { TestDatabase } from './testDatabases.ts';

const MASTER_KEY_HEX = 'ef'.repeat(32);

/** A migrated database with one app, and the env a dispatcher process (`spawnDispatcherProcess`) needs. */
export type DispatcherDatabase = {
  readonly store: Store;
  readonly kassaDb: KassaDb;
  readonly app: App;
  readonly env: Record<string, string>;
  /** Writes `count` paid orders' success webhooks in one transaction (due together); their record ids. */
  enqueueBurst(count: number, firstN: number): Promise<string[]>;
  dispose(): Promise<void>;
};

/**
 * Sets up a database whose one app sends its webhooks to `webhookUrl`, and a kassa.json with
 * `config` (its `webhooks` section allows loopback targets).
 */
export async function setUpDispatcherDatabase(
  database: TestDatabase,
  webhookUrl: string,
  config: { readonly webhooks?: object; readonly server?: object },
): Promise<DispatcherDatabase> {
  const created = await database.create();
  const kassaDb = createDb({
    url: created.url,
    ...(created.pgSchema === undefined ? {} : { pgSchema: created.pgSchema }),
  });
  await migrateToLatest(kassaDb);
  const store = createStore(kassaDb, createSecretBox(Buffer.from(MASTER_KEY_HEX, 'hex')));
  const clock = createSystemClock();
  const ids = createRandomIdSource(clock);
  const { appId } = await createApp({ store, clock, ids }, { name: 'Shop', webhookUrl });
  const app = (await store.apps.findApp(appId)) as App;
  const configFile = path.join(created.dataDir, 'kassa.json');
  writeFileSync(
    configFile,
    JSON.stringify({ ...config, webhooks: { allowedCidrs: ['127.0.0.0/8'], ...config.webhooks } }),
  );
  return {
    store,
    kassaDb,
    app,
    env: {
      KASSA_DATA_DIR: created.dataDir,
      DATABASE_URL: created.url,
      KASSA_MASTER_KEY: MASTER_KEY_HEX,
      FIXTURE_CONFIG_FILE: configFile,
      ...(created.pgSchema === undefined ? {} : { FIXTURE_PG_SCHEMA: created.pgSchema }),
    },
    async enqueueBurst(count, firstN) {
      const recordIds: string[] = [];
      await store.transaction(async (tx) => {
        for (let n = firstN; n < firstN + count; n++) {
          const built = buildPaidOrder({ n, appId, nowMs: clock.now() });
          await enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids });
          recordIds.push(built.payment.recordId);
        }
      });
      return recordIds;
    },
    dispose: async () => {
      await kassaDb.close();
      await created.dispose();
    },
  };
}
