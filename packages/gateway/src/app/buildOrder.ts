import { createHash } from 'node:crypto';
import type { App } from '../core/App.ts';
import type { Order } from '../core/Order.ts';
import type { Deps } from './Deps.ts';

export type BuildOrderDeps = Pick<Deps, 'clock' | 'ids'> & {
  /** How long after expiry the order's addresses stay watched for late payments. */
  readonly latePaymentWindowSeconds: number;
};

/** The values every kind of order request carries under the same names. */
export type OrderRequest = Pick<
  Order,
  'merchantOrderId' | 'productPrice' | 'priceUsdCents' | 'validPeriodSeconds' | 'notifyUrl' | 'customValue'
>;

export type BuildOrderParameters = {
  readonly app: App;
  /**
   * The validated request. Every value it holds, not only those of `OrderRequest`, goes into the
   * fingerprint that tells a safe retry from a `duplicate_order`.
   */
  readonly request: OrderRequest;
  /** What differs between the kinds of order. */
  readonly terms: Pick<Order, 'kind' | 'productName' | 'denominatedCurrency' | 'returnUrl' | 'remark'>;
};

/** A new, pending order for `request`: its ids, checkout token, fingerprint and deadlines. */
export function buildOrder(deps: BuildOrderDeps, { app, request, terms }: BuildOrderParameters): Order {
  const nowMs = deps.clock.now();
  const expiresAtMs = nowMs + request.validPeriodSeconds * 1000;
  // Written out in one fixed order, not spread from `terms`: every order then has one object shape
  // and the insert path's property reads stay fast (with the spread, create-order took 130 µs of
  // server CPU per request instead of 100: bench/create-order.ts).
  return {
    orderId: deps.ids.createId(),
    appId: app.appId,
    merchantOrderId: request.merchantOrderId,
    kind: terms.kind,
    productName: terms.productName,
    productPrice: request.productPrice,
    denominatedCurrency: terms.denominatedCurrency,
    priceUsdCents: request.priceUsdCents,
    validPeriodSeconds: request.validPeriodSeconds,
    returnUrl: terms.returnUrl,
    notifyUrl: request.notifyUrl,
    customValue: request.customValue,
    remark: terms.remark,
    checkoutToken: deps.ids.createToken(),
    requestFingerprint: fingerprintOf(terms.kind, request),
    status: { funds: 'none', isOpen: true },
    createdAtMs: nowMs,
    expiresAtMs,
    watchUntilMs: expiresAtMs + deps.latePaymentWindowSeconds * 1000,
  };
}

/** A digest of the values that define an order, in a fixed order, so retries compare equal. */
function fingerprintOf(kind: string, request: object): string {
  const canonical = JSON.stringify([kind, request], (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}
