import { type Kysely, sql } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * Webhooks of one order go out one at a time, in the order their changes committed (see
 * docs/webhooks.md): `seq` numbers an order's deliveries, and the index finds the deliveries ahead
 * of one in its order. Existing rows are numbered by creation time, the delivery id breaking ties;
 * the same correlated update runs on both dialects.
 */
export const deliveriesInOrderMigration: KassaMigration = {
  name: '0004_deliveries_in_order',
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('deliveries')
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`
      update deliveries set seq = (
        select count(*) from deliveries earlier
        where earlier.order_id = deliveries.order_id
          and (earlier.created_at < deliveries.created_at
            or (earlier.created_at = deliveries.created_at and earlier.delivery_id <= deliveries.delivery_id)))`.execute(
      db,
    );
    await db.schema.createIndex('deliveries_order_seq').on('deliveries').columns(['order_id', 'seq']).execute();
  },
};
