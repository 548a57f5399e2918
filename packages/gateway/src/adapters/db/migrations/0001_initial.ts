import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/** The first schema: apps, orders, quotes, payments, chain state and the webhook outbox. */
export const initialMigration: KassaMigration = {
  name: '0001_initial',
  async up(db: Kysely<unknown>, dialect) {
    // Auto-increment keys are the one place the dialects differ in this migration.
    const serial = dialect === 'postgres' ? 'bigserial' : 'integer';

    await db.schema
      .createTable('apps')
      .addColumn('app_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
      .addColumn('webhook_url', 'text')
      .addColumn('fee_rate', 'text', (c) => c.notNull().defaultTo('0'))
      .addColumn('payment_tolerance', 'text', (c) => c.notNull().defaultTo('0'))
      .addColumn('notify_processing', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('orders')
      .addColumn('order_id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.app_id'))
      .addColumn('merchant_order_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('product_name', 'text', (c) => c.notNull())
      .addColumn('product_price', 'text', (c) => c.notNull())
      .addColumn('denominated_currency', 'text', (c) => c.notNull())
      .addColumn('price_usd_cents', 'text')
      .addColumn('valid_period_seconds', 'integer', (c) => c.notNull())
      .addColumn('return_url', 'text')
      .addColumn('notify_url', 'text')
      .addColumn('custom_value', 'text')
      .addColumn('remark', 'text')
      .addColumn('checkout_token', 'text', (c) => c.notNull().unique())
      .addColumn('request_fingerprint', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('watch_until', 'bigint', (c) => c.notNull())
      // Idempotency is this key, not a read-then-write.
      .addUniqueConstraint('orders_app_merchant_order_id', ['app_id', 'merchant_order_id'])
      .execute();
    await db.schema.createIndex('orders_status_expires').on('orders').columns(['status', 'expires_at']).execute();

    await db.schema
      .createTable('quotes')
      .addColumn('quote_id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.order_id'))
      .addColumn('network_key', 'text', (c) => c.notNull())
      .addColumn('token_id', 'text', (c) => c.notNull())
      .addColumn('symbol', 'text', (c) => c.notNull())
      .addColumn('contract', 'text')
      .addColumn('decimals', 'integer', (c) => c.notNull())
      .addColumn('token_rate', 'text', (c) => c.notNull())
      .addColumn('amount', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('address_index', 'integer', (c) => c.notNull())
      .addColumn('xpub_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('priced_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('quotes_order').on('quotes').columns(['order_id', 'quote_id']).execute();
    await db.schema.createIndex('quotes_address').on('quotes').column('address').execute();

    await db.schema
      .createTable('address_counters')
      .addColumn('xpub_id', 'text', (c) => c.primaryKey())
      .addColumn('next_index', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('payments')
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
      // A transfer is recorded once, whatever restarts and rescans happen.
      .addUniqueConstraint('payments_transfer', ['network_key', 'txid', 'log_index'])
      .execute();
    await db.schema.createIndex('payments_order').on('payments').column('order_id').execute();
    await db.schema.createIndex('payments_status').on('payments').columns(['network_key', 'status']).execute();

    await db.schema
      .createTable('chain_cursors')
      .addColumn('network_key', 'text', (c) => c.primaryKey())
      .addColumn('next_block', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('chain_blocks')
      .addColumn('network_key', 'text', (c) => c.notNull())
      .addColumn('block_number', 'text', (c) => c.notNull())
      .addColumn('block_hash', 'text', (c) => c.notNull())
      .addColumn('parent_hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('chain_blocks_pk', ['network_key', 'block_number'])
      .execute();

    await db.schema
      .createTable('deliveries')
      .addColumn('delivery_id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('first_attempt_at', 'bigint')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('delivered_at', 'bigint')
      // One webhook per payment record and pay_status change.
      .addUniqueConstraint('deliveries_event', ['record_id', 'event'])
      .execute();
    await db.schema.createIndex('deliveries_due').on('deliveries').columns(['state', 'next_attempt_at']).execute();
    await db.schema.createIndex('deliveries_app').on('deliveries').columns(['app_id', 'created_at']).execute();

    await db.schema
      .createTable('delivery_attempts')
      .addColumn('attempt_id', serial, (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('latency_ms', 'integer', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('response_excerpt', 'text', (c) => c.notNull())
      .addColumn('delivered', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('delivery_attempts_delivery').on('delivery_attempts').column('delivery_id').execute();

    await db.schema
      .createTable('resend_requests')
      .addColumn('resend_id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .addColumn('resend_count', 'integer', (c) => c.notNull())
      .execute();
  },
};
