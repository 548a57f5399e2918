import type { KassaDb } from '../../src/adapters/db/createDb.ts';
import type { Quote } from '../../src/core/Quote.ts';

export type InsertQuotePaymentParameters = {
  /** The quote paid: the payment goes to its address, in its coin. */
  readonly quote: Pick<Quote, 'orderId' | 'quoteId' | 'networkKey' | 'address' | 'contract'>;
  readonly recordId: string;
  /** With `logIndex`, the transfer's unique key. */
  readonly txid: string;
  readonly logIndex: number;
  /** Base units, as stored. */
  readonly amount: string;
  readonly status: 'processing' | 'failed';
  readonly seenAtMs: number;
};

/** Writes a payment row as the watcher would, for tests that need a seen payment without a chain. */
export async function insertQuotePayment(kassaDb: KassaDb, p: InsertQuotePaymentParameters): Promise<void> {
  await kassaDb.db
    .insertInto('payments')
    .values({
      record_id: p.recordId,
      order_id: p.quote.orderId,
      quote_id: p.quote.quoteId,
      network_key: p.quote.networkKey,
      txid: p.txid,
      log_index: p.logIndex,
      block_number: '10',
      block_hash: `0x${'cd'.repeat(32)}`,
      from_address: `0x${'11'.repeat(20)}`,
      to_address: p.quote.address,
      contract: p.quote.contract,
      amount: p.amount,
      status: p.status,
      seen_at: p.seenAtMs,
      confirmed_at: null,
      failed_at: p.status === 'failed' ? p.seenAtMs : null,
    })
    .execute();
}
