// Guards against a webhook sent after expiry that calls an unpaid order Pending, or re-dates a paid one.
import { describe, expect, it } from 'vitest';
import { getOrderStatusAt } from './getOrderStatusAt.ts';
import { ORDER_STATUSES } from './OrderStatus.ts';

describe('getOrderStatusAt', () => {
  it('keeps an order without funds open before its valid period ends and expired from then on', () => {
    for (const isOpen of [true, false]) {
      const storedStatus = { funds: 'none', isOpen } as const;
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 999 })).toEqual({
        funds: 'none',
        isOpen: true,
      });
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 1_000 })).toEqual({
        funds: 'none',
        isOpen: false,
      });
    }
  });

  it('keeps every status with funds as stored: the clock does not move them', () => {
    const withFunds = ORDER_STATUSES.filter((s) => s.funds !== 'none');
    expect(withFunds).toHaveLength(6);
    for (const storedStatus of withFunds) {
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 0 })).toBe(storedStatus);
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 5_000 })).toBe(storedStatus);
    }
  });
});
