import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../src/adapters/crypto/createSecretBox.ts';
import { createDb, type KassaDb } from '../../src/adapters/db/createDb.ts';
import { createStore } from '../../src/adapters/db/createStore.ts';
import { migrateToLatest } from '../../src/adapters/db/migrateToLatest.ts';
import { createRandomIdSource } from '../../src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../../src/adapters/system/createSystemClock.ts';
import { createApp } from '../../src/app/createApp.ts';
import { buildPaidOrder } from './buildPaidOrder.ts';
import { enqueuePaidOrderWebhooks } from './enqueuePaidOrderWebhooks.ts';
import type { TestDatabase } from './testDatabases.ts';

export type ServeDatabase = {
  /** The environment `kassa serve` needs for it: database URL (schema included), master key, data dir. */
  readonly env: Readonly<Record<string, string>>;
  readonly dataDir: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Opens the database again (after the process is gone); close it after. */
  open(): KassaDb;
  dispose(): Promise<void>;
};

/**
 * A migrated database with one app whose webhooks go to `webhookUrl` and `deliveries` paid-order
 * webhooks due now, closed again so that a `kassa serve` process can take it over.
 */
export async function seedServeDatabase(
  database: TestDatabase,
  { webhookUrl, deliveries }: { readonly webhookUrl: string; readonly deliveries: number },
): Promise<ServeDatabase> {
  const created = await database.create();
  const pgSchema = created.pgSchema;
  const open = () => createDb({ url: created.url, ...(pgSchema === undefined ? {} : { pgSchema }) });
  const kassaDb = open();
  await migrateToLatest(kassaDb);
  const masterKey = randomBytes(32);
  const store = createStore(kassaDb, createSecretBox(masterKey));
  const clock = createSystemClock();
  const ids = createRandomIdSource(clock);
  const { appId, appSecret } = await createApp({ store, clock, ids }, { name: 'Shop', webhookUrl });
  const app = await store.apps.findApp(appId);
  if (app === null) throw new Error(`${appId} missing right after createApp`);
  for (let n = 1; n <= deliveries; n++) {
    const built = buildPaidOrder({ n, appId, nowMs: clock.now(), notifyUrl: null });
    await store.transaction((tx) => enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids }));
  }
  await kassaDb.close();
  // The server has no schema option: PostgreSQL takes the search path from the URL.
  const url =
    pgSchema === undefined
      ? created.url
      : `${created.url}${created.url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${pgSchema}`)}`;
  return {
    env: { DATABASE_URL: url, KASSA_MASTER_KEY: masterKey.toString('hex'), KASSA_DATA_DIR: created.dataDir },
    dataDir: created.dataDir,
    appId,
    appSecret,
    open,
    dispose: () => created.dispose(),
  };
}
