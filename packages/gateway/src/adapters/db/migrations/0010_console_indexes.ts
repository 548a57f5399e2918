import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * What the operator console reads by (bench/console.ts, a million orders): its order lists walk
 * newest first on (created_at, order_id), alone or behind the app or the status filter, so a page
 * reads its fifty rows and stops; a search by transaction id finds the payment; the overview sums
 * the payments confirmed today through their confirmation time.
 */
export const consoleIndexesMigration: KassaMigration = {
  name: '0010_console_indexes',
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('orders_created').on('orders').columns(['created_at', 'order_id']).execute();
    await db.schema
      .createIndex('orders_app_created')
      .on('orders')
      .columns(['app_id', 'created_at', 'order_id'])
      .execute();
    await db.schema
      .createIndex('orders_status_created')
      .on('orders')
      .columns(['status', 'created_at', 'order_id'])
      .execute();
    await db.schema.createIndex('payments_txid').on('payments').column('txid').execute();
    await db.schema.createIndex('payments_confirmed').on('payments').column('confirmed_at').execute();
  },
};
