import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../packages/gateway/src/adapters/crypto/createSecretBox.ts';
import type { KassaDb } from '../../packages/gateway/src/adapters/db/createDb.ts';
import { createStore } from '../../packages/gateway/src/adapters/db/createStore.ts';
import { createRandomIdSource } from '../../packages/gateway/src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../../packages/gateway/src/adapters/system/createSystemClock.ts';
import { createApp } from '../../packages/gateway/src/app/createApp.ts';

/** The store, system clock and random ids over `kassaDb`, and a merchant app to own the orders. */
export async function createBenchApp(kassaDb: KassaDb) {
  const store = createStore(kassaDb, createSecretBox(randomBytes(32)));
  const clock = createSystemClock();
  const deps = { store, clock, ids: createRandomIdSource(clock) };
  const { appId } = await createApp(deps, { name: 'Bench', webhookUrl: 'https://shop.example/hook' });
  return { deps, appId };
}
