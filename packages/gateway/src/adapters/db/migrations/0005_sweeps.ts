import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * The funds ledger's outgoing side: every mined sweep transaction (top-up, deposit-address send,
 * EIP-7702 batch) with its fee, and what it moved out of which deposit address. The key of a
 * transaction is (network, txid), so `kassa sweep send` run again records nothing twice. A movement's
 * `contract` is '' for the native coin: a primary key column cannot be null on either dialect. The
 * quotes index serves `listIssuedAddresses` (every address of a network, by index).
 * `sweep_outgoing` names every transaction a sweep signs with the gas wallet, written before it is
 * broadcast: a top-up is native coin into a deposit address, and the watcher must not take it for a
 * payment of an order that was also quoted in the native coin.
 */
export const sweepsMigration: KassaMigration = {
  name: '0005_sweeps',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sweep_transactions')
      .addColumn('network_key', 'text', (c) => c.notNull())
      .addColumn('txid', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_address', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('block_number', 'text', (c) => c.notNull())
      .addColumn('gas_used', 'text', (c) => c.notNull())
      .addColumn('fee_wei', 'text', (c) => c.notNull())
      .addColumn('value_wei', 'text', (c) => c.notNull())
      .addColumn('paid_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sweep_transactions_pk', ['network_key', 'txid'])
      .execute();

    await db.schema
      .createTable('sweep_movements')
      .addColumn('network_key', 'text', (c) => c.notNull())
      .addColumn('txid', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('contract', 'text', (c) => c.notNull())
      .addColumn('address_index', 'integer', (c) => c.notNull())
      .addColumn('amount', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sweep_movements_pk', ['network_key', 'txid', 'address', 'contract'])
      .execute();

    await db.schema
      .createTable('sweep_outgoing')
      .addColumn('network_key', 'text', (c) => c.notNull())
      .addColumn('txid', 'text', (c) => c.notNull())
      .addColumn('noted_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sweep_outgoing_pk', ['network_key', 'txid'])
      .execute();

    await db.schema
      .createIndex('quotes_network_address_index')
      .on('quotes')
      .columns(['network_key', 'address_index'])
      .execute();
  },
};
