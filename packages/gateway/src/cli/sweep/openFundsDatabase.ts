import { createSecretBox } from '../../adapters/crypto/createSecretBox.ts';
import { createDb } from '../../adapters/db/createDb.ts';
import { createStore } from '../../adapters/db/createStore.ts';
import { migrateToLatest } from '../../adapters/db/migrateToLatest.ts';
import type { KassaConfig } from '../../config/KassaConfig.ts';
import type { FundsStore } from '../../core/ports/FundsStore.ts';

/** The funds ledger of the configured database, migrated; `close` when done. */
export type FundsDatabase = { readonly funds: FundsStore; close(): Promise<void> };

export async function openFundsDatabase(config: Pick<KassaConfig, 'database' | 'masterKey'>): Promise<FundsDatabase> {
  const kassaDb = createDb({ url: config.database.url });
  try {
    await migrateToLatest(kassaDb);
  } catch (error) {
    await kassaDb.close();
    throw error;
  }
  const store = createStore(kassaDb, createSecretBox(config.masterKey));
  return { funds: store.funds, close: () => kassaDb.close() };
}
