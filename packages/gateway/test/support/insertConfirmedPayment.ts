import type { PaymentStatus } from '../../src/core/Payment.ts';
import type { Store } from '../../src/core/ports.ts';
import { buildPaidOrder } from './buildPaidOrder.ts';
import { TEST_APP_ID } from './insertTestApp.ts';

export type InsertConfirmedPaymentParameters = {
  /** Makes the order, quote and payment unique (see `buildPaidOrder`). */
  readonly n: number;
  readonly networkKey: string;
  /** Lower-case; null for the native coin. */
  readonly contract: string | null;
  /** Lower-case deposit address and its index. */
  readonly address: string;
  readonly index: number;
  readonly amount: bigint;
  /** Default `success`. */
  readonly status?: PaymentStatus;
  readonly nowMs: number;
};

/**
 * Writes an order of `insertTestApp`'s app, a quote on `address` and a payment of `amount` into
 * it, through the real stores: a payment as the watcher leaves it, for ledger tests with no chain.
 */
export async function insertConfirmedPayment(store: Store, p: InsertConfirmedPaymentParameters): Promise<void> {
  const built = buildPaidOrder({ n: p.n, appId: TEST_APP_ID, nowMs: p.nowMs });
  await store.orders.insertOrder(built.order);
  const { quoteId: _id, ...newQuote } = built.quote;
  const quote = await store.quotes.insertQuote({
    ...newQuote,
    networkKey: p.networkKey,
    contract: p.contract,
    address: p.address,
    addressIndex: p.index,
    amount: p.amount,
  });
  const status = p.status ?? 'success';
  await store.payments.insertPayment({
    ...built.payment,
    quoteId: quote.quoteId,
    networkKey: p.networkKey,
    toAddress: p.address,
    contract: p.contract,
    amount: p.amount,
    status,
    confirmedAtMs: status === 'success' ? p.nowMs : null,
    failedAtMs: status === 'failed' ? p.nowMs : null,
  });
}
