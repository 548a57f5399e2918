import type { Selectable } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import { parseOrderWireStatus } from '../../../protocol/parseOrderWireStatus.ts';
import type { OrdersTable } from '../schema.ts';

/** Maps a row to an order, checking the enumerated columns. */
export function toOrder(row: Selectable<OrdersTable>): Order {
  const status = parseOrderWireStatus(row.status);
  if (status === undefined) throw new Error(`orders.status holds an unknown status: ${row.status}`);
  if (row.kind !== 'hosted' && row.kind !== 'native') throw new Error(`orders.kind is unknown: ${row.kind}`);
  if (row.denominated_currency !== 'USD' && row.denominated_currency !== 'token') {
    throw new Error(`orders.denominated_currency is unknown: ${row.denominated_currency}`);
  }
  return {
    orderId: row.order_id,
    appId: row.app_id,
    merchantOrderId: row.merchant_order_id,
    kind: row.kind,
    productName: row.product_name,
    productPrice: row.product_price,
    denominatedCurrency: row.denominated_currency,
    priceUsdCents: row.price_usd_cents === null ? null : BigInt(row.price_usd_cents),
    validPeriodSeconds: row.valid_period_seconds,
    returnUrl: row.return_url,
    notifyUrl: row.notify_url,
    customValue: row.custom_value,
    remark: row.remark,
    checkoutToken: row.checkout_token,
    requestFingerprint: row.request_fingerprint,
    status,
    createdAtMs: Number(row.created_at),
    expiresAtMs: Number(row.expires_at),
    watchUntilMs: Number(row.watch_until),
  };
}
