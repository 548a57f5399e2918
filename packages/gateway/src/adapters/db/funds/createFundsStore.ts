import type { Kysely } from 'kysely';
import type { DepositAddress, FundsStore } from '../../../core/ports.ts';
import { sumSweepCosts } from '../../../core/sweep/sumSweepCosts.ts';
import type { Database } from '../schema.ts';
import { insertSweepTransaction } from './insertSweepTransaction.ts';
import { readFundsLedger } from './readFundsLedger.ts';

/**
 * The funds ledger in the database (SQLite or PostgreSQL alike): confirmed payments in, recorded
 * sweeps out. On a transaction handle (`store.transaction`) a sweep is written inside the caller's
 * transaction; otherwise in one of its own.
 */
export function createFundsStore(db: Kysely<Database>): FundsStore {
  return {
    async listPaidAddresses(networkKey) {
      const rows = await db
        .selectFrom('payments as p')
        .innerJoin('quotes as q', 'q.quote_id', 'p.quote_id')
        .select(['q.address', 'q.address_index', 'q.xpub_id'])
        .distinct()
        .where('p.network_key', '=', networkKey)
        .where('p.status', '=', 'success')
        .orderBy('q.address_index')
        .orderBy('q.xpub_id')
        .orderBy('q.address')
        .execute();
      return rows.map(toDepositAddress);
    },
    async listIssuedAddresses(networkKey) {
      const rows = await db
        .selectFrom('quotes')
        .select(['address', 'address_index', 'xpub_id'])
        .distinct()
        .where('network_key', '=', networkKey)
        .orderBy('address_index')
        .orderBy('xpub_id')
        .orderBy('address')
        .execute();
      return rows.map(toDepositAddress);
    },
    async recordSweepTransaction(record) {
      // Kysely cannot nest transactions: inside the caller's, its atomicity already covers both inserts.
      if (db.isTransaction) return insertSweepTransaction(db, record);
      return db.transaction().execute((trx) => insertSweepTransaction(trx, record));
    },
    async hasSweepTransaction(networkKey, txid) {
      const row = await db
        .selectFrom('sweep_transactions')
        .select('txid')
        .where('network_key', '=', networkKey)
        .where('txid', '=', txid.toLowerCase())
        .executeTakeFirst();
      return row !== undefined;
    },
    async noteOutgoingTransaction(networkKey, txid, nowMs) {
      await db
        .insertInto('sweep_outgoing')
        .values({ network_key: networkKey, txid: txid.toLowerCase(), noted_at: nowMs })
        .onConflict((oc) => oc.columns(['network_key', 'txid']).doNothing())
        .execute();
    },
    async findOutgoingTransactions(networkKey, txids) {
      if (txids.length === 0) return new Set();
      const rows = await db
        .selectFrom('sweep_outgoing')
        .select('txid')
        .where('network_key', '=', networkKey)
        .where(
          'txid',
          'in',
          txids.map((txid) => txid.toLowerCase()),
        )
        .execute();
      return new Set(rows.map((row) => row.txid));
    },
    summarizeFunds: () => readFundsLedger(db),
    async summarizeSweepCosts() {
      const rows = await db
        .selectFrom('sweep_transactions')
        .select(['network_key', 'kind', 'paid_by', 'status', 'fee_wei', 'value_wei'])
        .execute();
      return sumSweepCosts(
        rows.map((r) => ({
          networkKey: r.network_key,
          kind: r.kind as 'topup' | 'deposit' | 'batch',
          paidBy: r.paid_by as 'gas_wallet' | 'deposit',
          status: r.status as 'success' | 'reverted',
          feeWei: BigInt(r.fee_wei),
          valueWei: BigInt(r.value_wei),
        })),
      );
    },
  };
}

function toDepositAddress(row: { address: string; address_index: number; xpub_id: string }): DepositAddress {
  return { address: row.address.toLowerCase(), index: Number(row.address_index), xpubId: row.xpub_id };
}
