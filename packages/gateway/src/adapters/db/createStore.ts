import type { Kysely } from 'kysely';
import type { AddressStore, Store, Stores } from '../../core/ports.ts';
import type { SecretBox } from '../crypto/createSecretBox.ts';
import type { BillWriter } from './bills/BillWriter.ts';
import { createAddressStore } from './createAddressStore.ts';
import { createAppStore } from './createAppStore.ts';
import { createChainStore } from './createChainStore.ts';
import type { KassaDb } from './createDb.ts';
import { createLeaseStore } from './createLeaseStore.ts';
import { createPaymentStore } from './createPaymentStore.ts';
import { createQuoteStore } from './createQuoteStore.ts';
import { createDeliveryStore } from './deliveries/createDeliveryStore.ts';
import { createDeliveryWakeups } from './deliveries/createDeliveryWakeups.ts';
import { createFundsStore } from './funds/createFundsStore.ts';
import { createOrderStore } from './orders/createOrderStore.ts';
import { createOrderWriter } from './orders/createOrderWriter.ts';
import type { OrderWriter } from './orders/OrderWriter.ts';
import type { Database } from './schema.ts';

/** bill/create's batching writers: its address indexes, then its order with the quote. */
type BillWriters = {
  readonly writer: BillWriter;
  readonly allocator: Pick<AddressStore, 'allocateIndexForNewOrder'>;
};

export type CreateStoreOptions = {
  /**
   * Orders (and orders with their first quote) inserted outside a transaction go through the
   * dialect's batching writers: concurrent inserts share a commit (SQLite: one transaction;
   * PostgreSQL: one multi-row statement). Off by default: one insert, one commit.
   */
  readonly groupCommitOrders?: boolean;
};

/**
 * Builds the store port over an open database (SQLite or PostgreSQL alike). A transaction that
 * made deliveries due sends word once it has committed (`deliveryWakeups`), never before: a woken
 * dispatcher must find the rows.
 */
export function createStore({ db, dialect }: KassaDb, secretBox: SecretBox, options: CreateStoreOptions = {}): Store {
  const deliveryWakeups = createDeliveryWakeups(dialect);
  const storesOf = (
    handle: Kysely<Database>,
    orderWriter: OrderWriter,
    onDue: () => Promise<void>,
    bills?: BillWriters,
  ): Stores => ({
    apps: createAppStore(handle, secretBox),
    orders: createOrderStore(handle, dialect.name, orderWriter),
    quotes: createQuoteStore(handle, bills?.writer),
    payments: createPaymentStore(handle),
    deliveries: createDeliveryStore(handle, dialect, onDue),
    addresses: createAddressStore(handle, bills?.allocator),
    chain: createChainStore(handle),
    funds: createFundsStore(handle),
    leases: createLeaseStore(handle, dialect),
  });
  const batching = options.groupCommitOrders === true;
  const orderWriter = batching ? dialect.createBatchingOrderWriter(db) : createOrderWriter(db);
  const bills = batching
    ? { writer: dialect.createBatchingBillWriter(db), allocator: dialect.createBatchingIndexAllocator(db) }
    : undefined;
  // Outside a transaction the statement has committed already: word can go at once.
  const notifyNow = async (): Promise<void> => {
    await dialect.notifyDueDeliveries(db, deliveryWakeups.source);
    deliveryWakeups.notifyCommitted();
  };
  return {
    ...storesOf(db, orderWriter, notifyNow, bills),
    deliveryWakeups,
    async transaction(work) {
      let isDue = false;
      const result = await db.transaction().execute((trx) =>
        // Never the batching writer inside a transaction: the caller's transaction is already the unit of commit.
        work(
          storesOf(trx, createOrderWriter(trx), async () => {
            if (isDue) return;
            isDue = true;
            await dialect.notifyDueDeliveries(trx, deliveryWakeups.source);
          }),
        ),
      );
      if (isDue) deliveryWakeups.notifyCommitted();
      return result;
    },
  };
}
