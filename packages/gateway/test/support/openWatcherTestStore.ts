import { createApp } from '../../src/app/createApp.ts';
import type { RecordTransfersDeps } from '../../src/app/recordTransfers.ts';
import type { App } from '../../src/core/App.ts';
import type { Clock } from '../../src/core/ports.ts';
import { openTestStore, type TestStore } from './openTestStore.ts';
import { SYNTHETIC_NETWORK } from './seedWatchedOrder.ts';
import { createSequentialIds } from './startTestGateway.ts';
import type { TestDatabase } from './testDatabases.ts';

export type WatcherTestStore = {
  readonly t: TestStore;
  /** Made by the real use case, with a webhook URL, so payments queue deliveries. */
  readonly app: App;
  /** What the watcher's use cases take: the store, `clock`, sequential ids and `SYNTHETIC_NETWORK`. */
  readonly deps: RecordTransfersDeps;
};

/** A fresh store with one app, for tests that feed the watcher's use cases transfers directly. */
export async function openWatcherTestStore(database: TestDatabase, clock: Clock): Promise<WatcherTestStore> {
  const t = await openTestStore(database);
  const deps = { store: t.store, clock, ids: createSequentialIds(), networks: [SYNTHETIC_NETWORK] };
  const { appId } = await createApp(deps, { name: 'Shop', webhookUrl: 'https://shop.example/hook' });
  const app = await t.store.apps.findApp(appId);
  if (app === null) throw new Error(`${appId} missing right after createApp`);
  return { t, app, deps };
}
