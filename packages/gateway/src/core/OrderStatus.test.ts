// Guards against a paid order counted as unpaid, or two different statuses taken as one (a missed status change).
import { describe, expect, it } from 'vitest';
import { isPaidStatus, isSameOrderStatus, ORDER_STATUSES } from './OrderStatus.ts';

describe('ORDER_STATUSES', () => {
  it('holds the eight rows of spec §6, each once', () => {
    expect(ORDER_STATUSES).toHaveLength(8);
    ORDER_STATUSES.forEach((a, i) => {
      ORDER_STATUSES.forEach((b, j) => {
        expect(isSameOrderStatus(a, b)).toBe(i === j);
      });
    });
  });
});

describe('isPaidStatus', () => {
  it('is true for the full and more rows, in time or late, and for nothing else', () => {
    expect(ORDER_STATUSES.map(isPaidStatus)).toEqual([false, false, false, false, true, true, true, true]);
  });
});
