import type { OrderStatus } from '../../../../core/OrderStatus.ts';
import { toOrderWireStatus } from '../../../../protocol/toOrderWireStatus.ts';

/** An order's status as the merchant API spells it, coloured by what it asks of the operator. */
export function OrderStatusBadge({ status }: { readonly status: OrderStatus }) {
  return <span class={`badge ${toneOf(status)}`}>{toOrderWireStatus(status)}</span>;
}

function toneOf(status: OrderStatus): string {
  switch (status.funds) {
    case 'none':
      return status.isOpen ? 'info' : '';
    case 'full':
      return status.isOverdue ? 'warn' : 'ok';
    case 'part':
      return 'warn';
    case 'more':
      return status.isOverdue ? 'warn' : 'ok';
    default:
      return assertNever(status);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled order status: ${JSON.stringify(value)}`);
}
