import type { App } from '../core/App.ts';
import { findToken } from '../core/findToken.ts';
import { KassaError } from '../core/KassaError.ts';
import type { Network } from '../core/network.ts';
import type { Order } from '../core/Order.ts';
import type { IdSource, Store } from '../core/ports.ts';
import type { Quote } from '../core/Quote.ts';
import type { BillRequest } from '../protocol/request/parseBillRequest.ts';
import { assertSameRequest, fingerprintOf } from './createOrder.ts';
import { type CreateQuoteDeps, createQuote } from './createQuote.ts';

export type CreateBillDeps = CreateQuoteDeps & {
  readonly store: Store;
  readonly ids: IdSource;
  readonly networks: readonly Network[];
  /** How long after expiry the order's addresses stay watched for late payments. */
  readonly latePaymentWindowSeconds: number;
};

/** A native-checkout order and the quote the buyer pays. */
export type Bill = { readonly order: Order; readonly quote: Quote };

/**
 * Creates a native-checkout order with its quote in one transaction: both exist, or neither.
 * Idempotent like `createOrder`: a retry with the same values returns the same order and quote
 * (and uses no new address); the same merchant order id with other values is `duplicate_order`.
 */
export async function createBill(deps: CreateBillDeps, app: App, request: BillRequest): Promise<Bill> {
  const found = findToken(deps.networks, request.tokenId);
  if (found === null) {
    throw new KassaError({
      code: 'unsupported_token',
      message: `token_id: ${request.tokenId} is not offered on any network`,
    });
  }
  const nowMs = deps.clock.now();
  const expiresAtMs = nowMs + request.validPeriodSeconds * 1000;
  const order: Order = {
    orderId: deps.ids.createId(),
    appId: app.appId,
    merchantOrderId: request.merchantOrderId,
    kind: 'native',
    // bill/create carries no product name; bill/info shows it empty.
    productName: '',
    productPrice: request.productPrice,
    denominatedCurrency: request.denominatedCurrency,
    priceUsdCents: request.priceUsdCents,
    validPeriodSeconds: request.validPeriodSeconds,
    returnUrl: null,
    notifyUrl: request.notifyUrl,
    customValue: request.customValue,
    remark: request.remark,
    checkoutToken: deps.ids.createToken(),
    requestFingerprint: fingerprintOf('native', request),
    status: { funds: 'none', isOpen: true },
    createdAtMs: nowMs,
    expiresAtMs,
    watchUntilMs: expiresAtMs + deps.latePaymentWindowSeconds * 1000,
  };
  return deps.store.transaction(async (tx) => {
    const result = await tx.orders.insertOrder(order);
    if (result.inserted) return { order, quote: await createQuote(deps, tx, { order, ...found }) };
    const existing = assertSameRequest(result.order, order.requestFingerprint);
    const quotes = await tx.quotes.listQuotesForOrders([existing.orderId]);
    // The merchant fixed the coin, so the order's one quote is also its newest.
    const quote = quotes.at(-1);
    if (quote === undefined) throw new Error(`order ${existing.orderId} was created without its quote`);
    return { order: existing, quote };
  });
}
