/**
 * Every `order_detail.status` and webhook `order_status` value (spec §6), in table order: no funds
 * (in time, after the valid period), then underpaid, paid and overpaid, each in time and late.
 */
export const ORDER_STATUSES = [
  'Pending',
  'Expired',
  'Underpayment',
  'Underpayment (Overdue)',
  'Successful',
  'Paid (Overdue)',
  'Overpayment',
  'Overpayment (Overdue)',
] as const;

/** `order_detail.status` and the webhook's `order_status`. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * True when `text` is one of the v1 order statuses, e.g. a value read back from storage.
 *
 * @example
 * isOrderStatus('Paid (Overdue)') // true
 * isOrderStatus('paid') // false: statuses are case-sensitive on the wire
 */
export function isOrderStatus(text: string): text is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(text);
}
