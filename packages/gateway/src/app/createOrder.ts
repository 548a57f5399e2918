import { createHash } from 'node:crypto';
import type { App } from '../core/App.ts';
import { KassaError } from '../core/KassaError.ts';
import type { Order } from '../core/Order.ts';
import type { Clock, IdSource, Store } from '../core/ports.ts';
import type { CheckoutRequest } from '../protocol/request/parseCheckoutRequest.ts';

export type CreateOrderDeps = {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** How long after expiry the order's addresses stay watched for late payments. */
  readonly latePaymentWindowSeconds: number;
};

/**
 * Creates a hosted-checkout order, idempotently: the same merchant order id with the same values
 * returns the existing order (a safe retry); with other values it is `duplicate_order`.
 */
export async function createOrder(deps: CreateOrderDeps, app: App, request: CheckoutRequest): Promise<Order> {
  const nowMs = deps.clock.now();
  const expiresAtMs = nowMs + request.validPeriodSeconds * 1000;
  const order: Order = {
    orderId: deps.ids.createId(),
    appId: app.appId,
    merchantOrderId: request.merchantOrderId,
    kind: 'hosted',
    productName: request.productName,
    productPrice: request.productPrice,
    denominatedCurrency: 'USD',
    priceUsdCents: request.priceUsdCents,
    validPeriodSeconds: request.validPeriodSeconds,
    returnUrl: request.returnUrl,
    notifyUrl: request.notifyUrl,
    customValue: request.customValue,
    remark: null,
    checkoutToken: deps.ids.createToken(),
    requestFingerprint: fingerprintOf('hosted', request),
    status: { funds: 'none', isOpen: true },
    createdAtMs: nowMs,
    expiresAtMs,
    watchUntilMs: expiresAtMs + deps.latePaymentWindowSeconds * 1000,
  };
  const result = await deps.store.orders.insertOrder(order);
  if (result.inserted) return result.order;
  return assertSameRequest(result.order, order.requestFingerprint);
}

/** Returns the existing order when a retry carries the same values; otherwise `duplicate_order`. */
export function assertSameRequest(existing: Order, fingerprint: string): Order {
  if (existing.requestFingerprint === fingerprint) return existing;
  throw new KassaError({
    code: 'duplicate_order',
    message: `merchant_order_id: ${existing.merchantOrderId} already exists with different values`,
  });
}

/** A digest of the values that define an order, in a fixed order, so retries compare equal. */
export function fingerprintOf(kind: string, request: object): string {
  const canonical = JSON.stringify([kind, request], (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}
