import type SQLite from 'better-sqlite3';
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

export type CreateStoreOptions = {
  /** SQLite: the connection under `db`, through which concurrent order inserts share a commit. */
  readonly groupCommitOrders?: SQLite.Database | null;
};

/** Builds the store port over a Kysely database (SQLite or PostgreSQL alike). */
export function createStore(db: Kysely<Database>, secretBox: SecretBox, options: CreateStoreOptions = {}): Store {
  const storesOf = (handle: Kysely<Database>, groupCommit: SQLite.Database | null = null): Stores => ({
    apps: createAppStore(handle, secretBox),
    orders: createOrderStore(handle, { groupCommit }),
    quotes: createQuoteStore(handle),
    payments: createPaymentStore(handle),
    deliveries: createDeliveryStore(handle),
    addresses: createAddressStore(handle),
    chain: createChainStore(handle),
  });
  return {
    // Never inside a transaction: the caller's transaction is already the unit of commit.
    ...storesOf(db, options.groupCommitOrders ?? null),
    transaction: (work) => db.transaction().execute((trx) => work(storesOf(trx))),
  };
}
