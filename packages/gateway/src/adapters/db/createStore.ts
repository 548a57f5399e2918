import type { Kysely } from 'kysely';
import type { Store, Stores } from '../../core/ports.ts';
import type { SecretBox } from '../crypto/createSecretBox.ts';
import { createAddressStore } from './createAddressStore.ts';
import { createAppStore } from './createAppStore.ts';
import { createChainStore } from './createChainStore.ts';
import type { KassaDb } from './createDb.ts';
import { createPaymentStore } from './createPaymentStore.ts';
import { createQuoteStore } from './createQuoteStore.ts';
import { createDeliveryStore } from './deliveries/createDeliveryStore.ts';
import { createOrderStore } from './orders/createOrderStore.ts';
import { createOrderWriter } from './orders/createOrderWriter.ts';
import type { OrderWriter } from './orders/OrderWriter.ts';
import type { Database } from './schema.ts';

export type CreateStoreOptions = {
  /**
   * Orders inserted outside a transaction go through the dialect's batching writer: on SQLite
   * concurrent inserts share a commit. Off by default: one insert, one commit.
   */
  readonly groupCommitOrders?: boolean;
};

/** Builds the store port over an open database (SQLite or PostgreSQL alike). */
export function createStore({ db, dialect }: KassaDb, secretBox: SecretBox, options: CreateStoreOptions = {}): Store {
  const storesOf = (handle: Kysely<Database>, orderWriter: OrderWriter): Stores => ({
    apps: createAppStore(handle, secretBox),
    orders: createOrderStore(handle, orderWriter),
    quotes: createQuoteStore(handle),
    payments: createPaymentStore(handle),
    deliveries: createDeliveryStore(handle, dialect),
    addresses: createAddressStore(handle),
    chain: createChainStore(handle),
  });
  const orderWriter =
    options.groupCommitOrders === true ? dialect.createBatchingOrderWriter(db) : createOrderWriter(db);
  return {
    ...storesOf(db, orderWriter),
    // Never the batching writer inside a transaction: the caller's transaction is already the unit of commit.
    transaction: (work) => db.transaction().execute((trx) => work(storesOf(trx, createOrderWriter(trx)))),
  };
}
