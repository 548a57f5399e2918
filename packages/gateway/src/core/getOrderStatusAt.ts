import type { OrderStatus } from './OrderStatus.ts';

/**
 * The status an order has at `nowMs`, from the status stored at its last funds change. Only the
 * clock can move it since: an order with no funds is open until its valid period ends and
 * expired after (funds rows and their overdue flag are fixed by when payments confirmed).
 *
 * @example
 * getOrderStatusAt({ storedStatus: { funds: 'none', isOpen: true }, expiresAtMs: 1000, nowMs: 1000 })
 * // { funds: 'none', isOpen: false }
 */
export function getOrderStatusAt(p: {
  readonly storedStatus: OrderStatus;
  readonly expiresAtMs: number;
  readonly nowMs: number;
}): OrderStatus {
  if (p.storedStatus.funds !== 'none') return p.storedStatus;
  return { funds: 'none', isOpen: p.nowMs < p.expiresAtMs };
}
