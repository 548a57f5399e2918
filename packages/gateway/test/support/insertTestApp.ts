import type { App } from '../../src/core/App.ts';
import type { Store } from '../../src/core/ports.ts';

/** The id of the app `insertTestApp` writes. */
export const TEST_APP_ID = 'app-1';

/** Writes the app store-level tests hang their orders on (`app-1`, no webhook URL) and reads it back. */
export async function insertTestApp(store: Store, createdAtMs: number): Promise<App> {
  await store.apps.insertApp({
    appId: TEST_APP_ID,
    name: 'Shop',
    secret: 's'.repeat(32),
    webhookUrl: null,
    createdAtMs,
  });
  const app = await store.apps.findApp(TEST_APP_ID);
  if (app === null) throw new Error(`${TEST_APP_ID} missing right after insertApp`);
  return app;
}
