import { ORDER_STATUSES, type OrderStatus } from '../core/OrderStatus.ts';
import { toOrderWireStatus } from './toOrderWireStatus.ts';

/** Reads a wire status string (e.g. the `orders.status` column) back into a status; undefined for any other text. */
export function parseOrderWireStatus(text: string): OrderStatus | undefined {
  // The inverse of toOrderWireStatus by construction, so the two can never disagree.
  return ORDER_STATUSES.find((status) => toOrderWireStatus(status) === text);
}
