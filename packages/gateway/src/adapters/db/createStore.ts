import type { Kysely } from 'kysely';
import type { Store, Stores } from '../../core/ports.ts';
import type { SecretBox } from '../crypto/createSecretBox.ts';
import { createAddressStore } from './createAddressStore.ts';
import { createAppStore } from './createAppStore.ts';
import { createChainStore } from './createChainStore.ts';
import { createDeliveryStore } from './createDeliveryStore.ts';
import { createOrderStore } from './createOrderStore.ts';
import { createPaymentStore } from './createPaymentStore.ts';
import { createQuoteStore } from './createQuoteStore.ts';
import type { Database } from './schema.ts';

/** Builds the store port over a Kysely database (SQLite or PostgreSQL alike). */
export function createStore(db: Kysely<Database>, secretBox: SecretBox): Store {
  const storesOf = (handle: Kysely<Database>): Stores => ({
    apps: createAppStore(handle, secretBox),
    orders: createOrderStore(handle),
    quotes: createQuoteStore(handle),
    payments: createPaymentStore(handle),
    deliveries: createDeliveryStore(handle),
    addresses: createAddressStore(handle),
    chain: createChainStore(handle),
  });
  return {
    ...storesOf(db),
    transaction: (work) => db.transaction().execute((trx) => work(storesOf(trx))),
  };
}
