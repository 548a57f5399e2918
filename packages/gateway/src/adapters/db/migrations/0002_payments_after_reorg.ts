import { type Kysely, sql } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * A payment whose block a reorg orphaned stays as `failed` history; when the same transaction is
 * mined again on the new fork it is a new payment with its own `record_id` (the merchant was told
 * the old record failed, and webhooks are one per record and status). So the transfer key
 * (network, txid, log index) is unique among live payments only. Also indexes payments by block
 * hash, which is how a reorg finds the payments of orphaned blocks.
 */
export const paymentsAfterReorgMigration: KassaMigration = {
  name: '0002_payments_after_reorg',
  async up(db: Kysely<unknown>, dialect) {
    if (dialect === 'postgres') {
      await sql`alter table payments drop constraint payments_transfer`.execute(db);
    } else {
      // SQLite cannot drop a table constraint: the table is rebuilt without it (the documented
      // procedure: create, copy, drop, rename); the migration runner's transaction makes it atomic.
      await db.schema
        .createTable('payments_next')
        .addColumn('record_id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.order_id'))
        .addColumn('quote_id', 'bigint', (c) => c.notNull())
        .addColumn('network_key', 'text', (c) => c.notNull())
        .addColumn('txid', 'text', (c) => c.notNull())
        .addColumn('log_index', 'integer', (c) => c.notNull())
        .addColumn('block_number', 'text', (c) => c.notNull())
        .addColumn('block_hash', 'text', (c) => c.notNull())
        .addColumn('from_address', 'text', (c) => c.notNull())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('contract', 'text')
        .addColumn('amount', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addColumn('confirmed_at', 'bigint')
        .addColumn('failed_at', 'bigint')
        .execute();
      await sql`insert into payments_next select record_id, order_id, quote_id, network_key, txid, log_index,
        block_number, block_hash, from_address, to_address, contract, amount, status, seen_at, confirmed_at,
        failed_at from payments`.execute(db);
      await db.schema.dropTable('payments').execute();
      await db.schema.alterTable('payments_next').renameTo('payments').execute();
      await db.schema.createIndex('payments_order').on('payments').column('order_id').execute();
      await db.schema.createIndex('payments_status').on('payments').columns(['network_key', 'status']).execute();
    }
    // The predicate is a literal: PostgreSQL matches `ON CONFLICT … WHERE` to the index by its text.
    await sql`create unique index payments_live_transfer on payments (network_key, txid, log_index)
      where status <> 'failed'`.execute(db);
    await db.schema.createIndex('payments_block').on('payments').columns(['network_key', 'block_hash']).execute();
  },
};
