import type { Order } from '../../../core/Order.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import type { OrdersTable } from '../schema.ts';

/** Every column of `orders`, in the order every order writer writes them. */
export const ORDER_COLUMNS = [
  'order_id',
  'app_id',
  'merchant_order_id',
  'kind',
  'product_name',
  'product_price',
  'denominated_currency',
  'price_usd_cents',
  'valid_period_seconds',
  'return_url',
  'notify_url',
  'custom_value',
  'remark',
  'checkout_token',
  'request_fingerprint',
  'status',
  'created_at',
  'expires_at',
  'watch_until',
] as const satisfies readonly (keyof OrdersTable)[];

// Idempotency is the unique key: a retry inserts nothing and reads the order it made before.
export const ON_ORDER_CONFLICT = 'on conflict (app_id, merchant_order_id) do nothing';

/** The order's column values, in {@link ORDER_COLUMNS} order. */
export function toOrderValues(order: Order): OrdersTable[(typeof ORDER_COLUMNS)[number]][] {
  const row = toOrderRow(order);
  return ORDER_COLUMNS.map((column) => row[column]);
}

function toOrderRow(order: Order): OrdersTable {
  return {
    order_id: order.orderId,
    app_id: order.appId,
    merchant_order_id: order.merchantOrderId,
    kind: order.kind,
    product_name: order.productName,
    product_price: order.productPrice,
    denominated_currency: order.denominatedCurrency,
    price_usd_cents: order.priceUsdCents === null ? null : order.priceUsdCents.toString(),
    valid_period_seconds: order.validPeriodSeconds,
    return_url: order.returnUrl,
    notify_url: order.notifyUrl,
    custom_value: order.customValue,
    remark: order.remark,
    checkout_token: order.checkoutToken,
    request_fingerprint: order.requestFingerprint,
    status: toOrderWireStatus(order.status),
    created_at: order.createdAtMs,
    expires_at: order.expiresAtMs,
    watch_until: order.watchUntilMs,
  };
}
