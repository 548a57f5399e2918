/** Every `order_detail.status` value on the wire (spec §6), in table order. */
export const ORDER_WIRE_STATUSES = [
  'Pending',
  'Expired',
  'Underpayment',
  'Underpayment (Overdue)',
  'Successful',
  'Paid (Overdue)',
  'Overpayment',
  'Overpayment (Overdue)',
] as const;

/** An order's status as the merchant API spells it. */
export type OrderWireStatus = (typeof ORDER_WIRE_STATUSES)[number];

/** True for the statuses where at least the full amount was received (in time or late). */
export function isPaidStatus(status: OrderWireStatus): boolean {
  switch (status) {
    case 'Successful':
    case 'Paid (Overdue)':
    case 'Overpayment':
    case 'Overpayment (Overdue)':
      return true;
    case 'Pending':
    case 'Expired':
    case 'Underpayment':
    case 'Underpayment (Overdue)':
      return false;
    default:
      return assertNever(status);
  }
}

/** True when `text` is one of the wire statuses, e.g. a value read back from storage. */
export function isOrderWireStatus(text: string): text is OrderWireStatus {
  return (ORDER_WIRE_STATUSES as readonly string[]).includes(text);
}

function assertNever(value: never): never {
  throw new Error(`unhandled order status: ${String(value)}`);
}
