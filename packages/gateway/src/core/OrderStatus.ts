/** Which row of the spec §6 table the confirmed funds fall in. */
export type OrderFunds = 'none' | 'part' | 'full' | 'more';

/**
 * Where an order stands, in domain terms: its funds row, and for each row with funds whether the
 * payment that moved it there came at or after expiry; an order without funds is open until its
 * valid period ends. The merchant API spells these out ("Paid (Overdue)", …) at its edge.
 */
export type OrderStatus =
  | { readonly funds: 'none'; readonly isOpen: boolean }
  | { readonly funds: 'part' | 'full' | 'more'; readonly isOverdue: boolean };

/** Every order status, in the order of the spec §6 table. */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  { funds: 'none', isOpen: true },
  { funds: 'none', isOpen: false },
  { funds: 'part', isOverdue: false },
  { funds: 'part', isOverdue: true },
  { funds: 'full', isOverdue: false },
  { funds: 'full', isOverdue: true },
  { funds: 'more', isOverdue: false },
  { funds: 'more', isOverdue: true },
];

/** True when at least the full amount was received (in time or late). */
export function isPaidStatus(status: OrderStatus): boolean {
  return status.funds === 'full' || status.funds === 'more';
}

/** True when both name the same row of the status table. */
export function isSameOrderStatus(a: OrderStatus, b: OrderStatus): boolean {
  if (a.funds === 'none' || b.funds === 'none') {
    return a.funds === 'none' && b.funds === 'none' && a.isOpen === b.isOpen;
  }
  return a.funds === b.funds && a.isOverdue === b.isOverdue;
}
