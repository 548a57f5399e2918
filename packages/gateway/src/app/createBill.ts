import type { App } from '../core/App.ts';
import { findNewestQuote } from '../core/findNewestQuote.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { requireToken } from '../core/requireToken.ts';
import type { BillRequest } from '../protocol/request/parseBillRequest.ts';
import { buildOrder } from './buildOrder.ts';
import type { CreateOrderDeps } from './createOrder.ts';
import { type CreateQuoteDeps, createQuote } from './createQuote.ts';
import type { Deps } from './Deps.ts';
import { insertOrderOnce } from './insertOrderOnce.ts';

export type CreateBillDeps = CreateOrderDeps & Omit<CreateQuoteDeps, 'tx'> & Pick<Deps, 'networks'>;

export type CreateBillParameters = {
  /** The merchant app the order belongs to (the request's signer). */
  readonly app: App;
  readonly request: BillRequest;
};

/** A native-checkout order and the quote the buyer pays. */
export type Bill = { readonly order: Order; readonly quote: Quote };

/**
 * Creates a native-checkout order with its quote in one transaction: both exist, or neither.
 * Idempotent like `createOrder`: a retry with the same values returns the same order and quote
 * (and uses no new address); the same merchant order id with other values is `duplicate_order`.
 */
export async function createBill(deps: CreateBillDeps, { app, request }: CreateBillParameters): Promise<Bill> {
  const found = requireToken(deps.networks, request.tokenId);
  const order = buildOrder(deps, {
    app,
    request,
    // bill/create carries no product name; bill/info shows it empty.
    terms: {
      kind: 'native',
      productName: '',
      denominatedCurrency: request.denominatedCurrency,
      returnUrl: null,
      remark: request.remark,
    },
  });
  const bill = await deps.store.transaction(async (tx) => {
    const result = await insertOrderOnce(tx, order);
    if (result.inserted) return { order, quote: await createQuote({ ...deps, tx }, { order, ...found }) };
    const existing = result.order;
    // The merchant fixed the coin, so the order's one quote is also its newest.
    const quote = findNewestQuote(await tx.quotes.listQuotesForOrders([existing.orderId]));
    // An invariant, not a caller's mistake: the order and its quote were inserted in one transaction.
    if (quote === null) throw new Error(`order ${existing.orderId} was created without its quote`);
    return { order: existing, quote };
  });
  // Counted once committed, and only when this call inserted it (a retry gets the stored order back).
  if (bill.order === order) deps.metrics?.countOrderCreated('native');
  return bill;
}
