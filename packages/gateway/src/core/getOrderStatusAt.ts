import type { OrderWireStatus } from './orderWireStatus.ts';

/**
 * The status an order has at `nowMs`, from the status stored at its last funds change. Only the
 * clock can move it since: an order with no funds is `Pending` until its valid period ends and
 * `Expired` after (funds rows and their "(Overdue)" are fixed by when payments confirmed).
 *
 * @example
 * getOrderStatusAt({ storedStatus: 'Pending', expiresAtMs: 1000, nowMs: 1000 }) // 'Expired'
 */
export function getOrderStatusAt(p: {
  readonly storedStatus: OrderWireStatus;
  readonly expiresAtMs: number;
  readonly nowMs: number;
}): OrderWireStatus {
  const isNoFunds = p.storedStatus === 'Pending' || p.storedStatus === 'Expired';
  if (!isNoFunds) return p.storedStatus;
  return p.nowMs < p.expiresAtMs ? 'Pending' : 'Expired';
}
