// Guards against a webhook sent after expiry that calls an unpaid order Pending, or re-dates a paid one.
import { describe, expect, it } from 'vitest';
import { getOrderStatusAt } from './getOrderStatusAt.ts';
import { ORDER_WIRE_STATUSES } from './orderWireStatus.ts';

describe('getOrderStatusAt', () => {
  it('turns an order without funds Pending before its valid period ends and Expired from then on', () => {
    for (const storedStatus of ['Pending', 'Expired'] as const) {
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 999 })).toBe('Pending');
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 1_000 })).toBe('Expired');
    }
  });

  it('keeps every status with funds as stored: the clock does not move them', () => {
    const withFunds = ORDER_WIRE_STATUSES.filter((s) => s !== 'Pending' && s !== 'Expired');
    expect(withFunds).toHaveLength(6);
    for (const storedStatus of withFunds) {
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 0 })).toBe(storedStatus);
      expect(getOrderStatusAt({ storedStatus, expiresAtMs: 1_000, nowMs: 5_000 })).toBe(storedStatus);
    }
  });
});
