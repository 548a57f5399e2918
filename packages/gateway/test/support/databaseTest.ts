import { test } from 'vitest';
import { createApp } from '../../src/app/createApp.ts';
import type { RecordTransfersDeps } from '../../src/app/recordTransfers.ts';
import type { App } from '../../src/core/App.ts';
import { createSequentialIds } from './createSequentialIds.ts';
import { createTestClock } from './createTestClock.ts';
import { openTestStore } from './openTestStore.ts';
import { type SeedWatchedOrderParameters, seedWatchedOrder } from './seedWatchedOrder.ts';
import { SYNTHETIC_NETWORK } from './syntheticNetwork.ts';
import type { TestDatabase } from './testDatabases.ts';

/**
 * `test` with a fresh, migrated store for each test, on the database its suite picks; `app` is an
 * app made by the real use case, with `appWebhookUrl` (a suite may override it too) so payments
 * queue deliveries.
 *
 * @example
 * describe.each(testDatabases())('thing ($kind)', (database) => {
 *   databaseTest.override({ database });
 *   databaseTest('does it', async ({ t, clock }) => { … });
 * });
 */
export const databaseTest = test
  .extend('database', (): TestDatabase => {
    // A suite that forgot `override` would otherwise run on no database at all.
    throw new Error('databaseTest needs `databaseTest.override({ database })` in its describe.each(testDatabases())');
  })
  .extend('clock', () => createTestClock())
  .extend('ids', () => createSequentialIds())
  .extend('t', async ({ database }, { onCleanup }) => {
    const t = await openTestStore(database);
    onCleanup(() => t.dispose());
    return t;
  })
  .extend('appWebhookUrl', 'https://shop.example/hook')
  .extend('app', async ({ t, clock, ids, appWebhookUrl }): Promise<App> => {
    const { appId } = await createApp({ store: t.store, clock, ids }, { name: 'Shop', webhookUrl: appWebhookUrl });
    const app = await t.store.apps.findApp(appId);
    if (app === null) throw new Error(`${appId} missing right after createApp`);
    return app;
  });

/**
 * `databaseTest` with what the watcher's use cases take (`deps`: the store, the clock, sequential
 * ids and `SYNTHETIC_NETWORK`), and `seed`, which inserts an order of `app`.
 */
export const watcherTest = databaseTest
  .extend(
    'deps',
    ({ t, clock, ids }): RecordTransfersDeps => ({ store: t.store, clock, ids, networks: [SYNTHETIC_NETWORK] }),
  )
  .extend(
    'seed',
    ({ deps, app }) =>
      (p: Omit<SeedWatchedOrderParameters, 'app'>) =>
        seedWatchedOrder(deps, { app, ...p }),
  );
