import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Payment, PaymentStatus } from '../../core/Payment.ts';
import type { PaymentStore } from '../../core/ports.ts';
import type { Database, PaymentsTable } from './schema.ts';

/** Payments (trades) in the database. */
export function createPaymentStore(db: Kysely<Database>): PaymentStore {
  /** Applies `change` when the payment's status passes `[op, status]`; true when it did. */
  const changePayment = async (
    recordId: string,
    change: Updateable<PaymentsTable>,
    [op, status]: readonly ['=' | '<>', PaymentStatus],
  ): Promise<boolean> => {
    const result = await db
      .updateTable('payments')
      .set(change)
      .where('record_id', '=', recordId)
      .where('status', op, status)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  };
  return {
    async listPaymentsForOrders(orderIds) {
      if (orderIds.length === 0) return [];
      const rows = await db
        .selectFrom('payments')
        .selectAll()
        .where('order_id', 'in', [...orderIds])
        .orderBy('seen_at')
        .orderBy('record_id')
        .execute();
      return rows.map(toPayment);
    },
    async insertPayment(payment) {
      const result = await db
        .insertInto('payments')
        .values({
          record_id: payment.recordId,
          order_id: payment.orderId,
          quote_id: payment.quoteId,
          network_key: payment.networkKey,
          txid: payment.txid,
          log_index: payment.logIndex,
          block_number: payment.blockNumber.toString(),
          block_hash: payment.blockHash,
          from_address: payment.fromAddress,
          to_address: payment.toAddress,
          contract: payment.contract,
          amount: payment.amount.toString(),
          status: payment.status,
          seen_at: payment.seenAtMs,
          confirmed_at: payment.confirmedAtMs,
          failed_at: payment.failedAtMs,
        })
        // The target names the partial unique index of migration 0002; its predicate must be
        // spelled as a literal for PostgreSQL to match the index.
        .onConflict((oc) =>
          oc.columns(['network_key', 'txid', 'log_index']).where(sql<boolean>`status <> 'failed'`).doNothing(),
        )
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async listProcessingPayments(networkKey) {
      const rows = await db
        .selectFrom('payments')
        .selectAll()
        .where('network_key', '=', networkKey)
        .where('status', '=', 'processing')
        .orderBy('seen_at')
        .orderBy('record_id')
        .execute();
      return rows.map(toPayment);
    },
    async listLivePaymentsInBlocks(networkKey, blockHashes) {
      if (blockHashes.length === 0) return [];
      const rows = await db
        .selectFrom('payments')
        .selectAll()
        .where('network_key', '=', networkKey)
        .where('block_hash', 'in', [...blockHashes])
        .where('status', '<>', 'failed')
        .orderBy('seen_at')
        .orderBy('record_id')
        .execute();
      return rows.map(toPayment);
    },
    markPaymentConfirmed: (recordId, confirmedAtMs) =>
      changePayment(recordId, { status: 'success', confirmed_at: confirmedAtMs }, ['=', 'processing']),
    markPaymentFailed: (recordId, failedAtMs) =>
      changePayment(recordId, { status: 'failed', failed_at: failedAtMs }, ['<>', 'failed']),
  };
}

/** Maps a row to a payment, checking its status. */
export function toPayment(row: Selectable<PaymentsTable>): Payment {
  const status = row.status;
  if (status !== 'processing' && status !== 'success' && status !== 'failed') {
    throw new Error(`payments.status is unknown: ${status}`);
  }
  return {
    recordId: row.record_id,
    orderId: row.order_id,
    quoteId: Number(row.quote_id),
    networkKey: row.network_key,
    txid: row.txid,
    logIndex: row.log_index,
    blockNumber: BigInt(row.block_number),
    blockHash: row.block_hash,
    fromAddress: row.from_address,
    toAddress: row.to_address,
    contract: row.contract,
    amount: BigInt(row.amount),
    status,
    seenAtMs: Number(row.seen_at),
    confirmedAtMs: row.confirmed_at === null ? null : Number(row.confirmed_at),
    failedAtMs: row.failed_at === null ? null : Number(row.failed_at),
  };
}
