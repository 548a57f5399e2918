import type { OrderStatus } from '../../core/OrderStatus.ts';
import { toOrderWireStatus } from '../toOrderWireStatus.ts';

/**
 * The webhook body `body` with its `order_status` replaced by `status` as the wire spells it,
 * every other byte of meaning kept (the key order too: JSON.parse keeps it, and the key is already
 * in place). A body that is not an object with an `order_status` string is returned as it is.
 */
export function withOrderStatus(body: string, status: OrderStatus): string {
  const wireStatus = toOrderWireStatus(status);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: nothing to restamp; the dispatcher sends what the outbox holds.
    return body;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
  const record = parsed as Record<string, unknown>;
  if (typeof record.order_status !== 'string' || record.order_status === wireStatus) return body;
  record.order_status = wireStatus;
  return JSON.stringify(record);
}
