// Guards against a status table that drifts from the v1 strings merchants compare against.
import { describe, expect, it } from 'vitest';
import { isOrderStatus, ORDER_STATUSES } from './orderStatuses.ts';

describe('isOrderStatus', () => {
  it('accepts the eight v1 statuses exactly as spelled', () => {
    expect(ORDER_STATUSES).toHaveLength(8);
    for (const status of ORDER_STATUSES) expect(isOrderStatus(status)).toBe(true);
    for (const text of ['', 'pending', 'Paid', 'Successful ', 'Paid(Overdue)']) expect(isOrderStatus(text)).toBe(false);
  });
});
