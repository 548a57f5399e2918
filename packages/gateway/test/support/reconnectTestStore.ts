import { createDb, type KassaDb } from '../../src/adapters/db/createDb.ts';
import type { TestStore } from './openTestStore.ts';

/** A second connection (pool) to the test store's database, as another process or a restart opens; close it after. */
export function reconnectTestStore(t: TestStore): KassaDb {
  return createDb({ url: t.url, ...(t.pgSchema === undefined ? {} : { pgSchema: t.pgSchema }) });
}
