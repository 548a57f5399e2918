import type { App } from '../core/App.ts';
import { DuplicateOrderError } from '../core/DuplicateOrderError.ts';
import { findNewestQuote } from '../core/findNewestQuote.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { requireToken } from '../core/requireToken.ts';
import type { BillRequest } from '../protocol/request/parseBillRequest.ts';
import { buildOrder } from './buildOrder.ts';
import type { CreateOrderDeps } from './createOrder.ts';
import { type CreateQuoteDeps, priceQuote, type QuotePrice } from './createQuote.ts';
import type { Deps } from './Deps.ts';
import { getXpubId } from './getXpubId.ts';

export type CreateBillDeps = CreateOrderDeps & Omit<CreateQuoteDeps, 'tx'> & Pick<Deps, 'networks'>;

export type CreateBillParameters = {
  /** The merchant app the order belongs to (the request's signer). */
  readonly app: App;
  readonly request: BillRequest;
};

/** A native-checkout order and the quote the buyer pays. */
export type Bill = { readonly order: Order; readonly quote: Quote };

/**
 * Creates a native-checkout order with its quote, both in one commit: both exist, or neither.
 * Idempotent like `createOrder`: a retry with the same values returns the same order and quote
 * (and uses no new address); the same merchant order id with other values is `duplicate_order`.
 *
 * The address index is taken first, in a statement of its own that commits at once (and takes
 * none when the order exists: a retry). Were it taken in the transaction that writes the order,
 * the xpub's counter would stay locked through derivation and commit, and every bill/create of
 * the xpub would wait for the one before. The cost: a request that fails after that statement
 * (the process dies, or a concurrent request with the same id wins) leaves its index unused. No
 * index is ever handed out twice, and the gateway watches only the addresses its quotes hold; a
 * wallet restored from the seed alone looks past at most its gap limit (20 under BIP-44) of
 * unused addresses in a row, which only a long run of such failures would exceed.
 */
export async function createBill(deps: CreateBillDeps, { app, request }: CreateBillParameters): Promise<Bill> {
  const found = requireToken(deps.networks, request.tokenId, app);
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
  let price: QuotePrice;
  try {
    // Priced before an index is taken: without a fresh rate no index is used up.
    price = priceQuote(deps, { order, ...found });
  } catch (error) {
    // A retry gets its stored bill back even while rates are unavailable.
    const [existing] = await deps.store.orders.findOrdersByMerchantOrderIds(app.appId, [order.merchantOrderId]);
    if (existing === undefined) throw error;
    return findExistingBill(deps, order, existing);
  }
  const xpubId = getXpubId(found.network.xpub);
  const addressIndex = await deps.store.addresses.allocateIndexForNewOrder(xpubId, order);
  if (addressIndex === null) {
    const [existing] = await deps.store.orders.findOrdersByMerchantOrderIds(app.appId, [order.merchantOrderId]);
    // An invariant: orders are never deleted, and the statement just saw this one.
    if (existing === undefined) throw new Error(`order ${order.merchantOrderId} vanished`);
    return findExistingBill(deps, order, existing);
  }
  const address = deps.deriveDepositAddress(found.network.xpub, addressIndex).toLowerCase();
  const result = await deps.store.quotes.insertOrderWithQuote(order, { ...price, address, addressIndex, xpubId });
  if (!result.inserted) return findExistingBill(deps, order, result.order);
  // Counted once committed, and only when this call inserted it (a retry gets the stored order back).
  deps.metrics?.countOrderCreated('native');
  return { order, quote: result.quote };
}

/** The stored bill `existing` when `order` is a retry of it; else the merchant reused the id: `duplicate_order`. */
async function findExistingBill(deps: CreateBillDeps, order: Order, existing: Order): Promise<Bill> {
  if (existing.requestFingerprint !== order.requestFingerprint) {
    throw new DuplicateOrderError({ merchantOrderId: existing.merchantOrderId });
  }
  // The merchant fixed the coin, so the order's one quote is also its newest.
  const quote = findNewestQuote(await deps.store.quotes.listQuotesForOrders([existing.orderId]));
  // An invariant, not a caller's mistake: the order and its quote were inserted in one commit.
  if (quote === null) throw new Error(`order ${existing.orderId} was created without its quote`);
  return { order: existing, quote };
}
