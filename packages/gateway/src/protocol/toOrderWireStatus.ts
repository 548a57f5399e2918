import type { OrderStatus as WireOrderStatus } from '@kassa/sdk';
import type { OrderStatus } from '../core/OrderStatus.ts';

/**
 * Spells an order status as the merchant API does (spec §6): `order_detail.status`, the webhook's
 * `order_status`, and the `orders.status` column, which has always held these strings.
 */
export function toOrderWireStatus(status: OrderStatus): WireOrderStatus {
  switch (status.funds) {
    case 'none':
      return status.isOpen ? 'Pending' : 'Expired';
    case 'part':
      return status.isOverdue ? 'Underpayment (Overdue)' : 'Underpayment';
    case 'full':
      return status.isOverdue ? 'Paid (Overdue)' : 'Successful';
    case 'more':
      return status.isOverdue ? 'Overpayment (Overdue)' : 'Overpayment';
    default:
      return assertNever(status);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled order status: ${JSON.stringify(value)}`);
}
