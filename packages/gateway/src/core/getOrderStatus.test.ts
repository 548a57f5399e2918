// Guards against an order being shown or reported with the wrong spec §6 status (paid vs not, overdue vs not).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GetOrderStatusParameters,
  getOrderStatus,
  type OrderFunds,
  type OrderStatusPayment,
} from './getOrderStatus.ts';
import type { Decimal } from './money/Decimal.ts';
import { isPaidStatus, type OrderStatus } from './OrderStatus.ts';

const NO_TOLERANCE: Decimal = { units: 0n, scale: 0 };
const HALF_PERCENT: Decimal = { units: 5n, scale: 3 };
const EXPIRES_AT_MS = 1_000_000;

// The rows of the spec §6 table, named as the merchant API spells them.
const PENDING: OrderStatus = { funds: 'none', isOpen: true };
const EXPIRED: OrderStatus = { funds: 'none', isOpen: false };
const UNDERPAYMENT: OrderStatus = { funds: 'part', isOverdue: false };
const UNDERPAYMENT_OVERDUE: OrderStatus = { funds: 'part', isOverdue: true };
const SUCCESSFUL: OrderStatus = { funds: 'full', isOverdue: false };
const PAID_OVERDUE: OrderStatus = { funds: 'full', isOverdue: true };
const OVERPAYMENT: OrderStatus = { funds: 'more', isOverdue: false };
const OVERPAYMENT_OVERDUE: OrderStatus = { funds: 'more', isOverdue: true };

function statusOf(
  amountDue: bigint | null,
  payments: readonly OrderStatusPayment[],
  options: { nowMs?: number; tolerance?: Decimal } = {},
) {
  return getOrderStatus({
    amountDue,
    tolerance: options.tolerance ?? NO_TOLERANCE,
    expiresAtMs: EXPIRES_AT_MS,
    nowMs: options.nowMs ?? EXPIRES_AT_MS - 1,
    payments,
  });
}

const early = (amount: bigint): OrderStatusPayment => ({ amount, confirmedAtMs: EXPIRES_AT_MS - 10 });
const late = (amount: bigint): OrderStatusPayment => ({ amount, confirmedAtMs: EXPIRES_AT_MS + 10 });

describe('getOrderStatus', () => {
  it('is Pending with no funds inside the valid period and Expired from its end on', () => {
    expect(statusOf(1000n, [])).toEqual({
      status: PENDING,
      funds: 'none',
      paidAmount: 0n,
      remainingAmount: 1000n,
      isOverdue: false,
    });
    expect(statusOf(1000n, [], { nowMs: EXPIRES_AT_MS }).status).toEqual(EXPIRED);
  });

  it('treats a missing quote as nothing owed yet', () => {
    expect(statusOf(null, [])).toMatchObject({ status: PENDING, funds: 'none', remainingAmount: 0n });
    expect(statusOf(null, [], { nowMs: EXPIRES_AT_MS + 1 }).status).toEqual(EXPIRED);
  });

  it('names each funds row inside the valid period', () => {
    expect(statusOf(1000n, [early(400n)])).toMatchObject({
      status: UNDERPAYMENT,
      funds: 'part',
      paidAmount: 400n,
      remainingAmount: 600n,
      isOverdue: false,
    });
    expect(statusOf(1000n, [early(400n), early(600n)])).toMatchObject({
      status: SUCCESSFUL,
      funds: 'full',
      remainingAmount: 0n,
    });
    expect(statusOf(1000n, [early(1001n)])).toMatchObject({
      status: OVERPAYMENT,
      funds: 'more',
      paidAmount: 1001n,
      remainingAmount: 0n,
    });
  });

  it('keeps an in-time row after the period ends', () => {
    const nowMs = EXPIRES_AT_MS + 1_000;
    expect(statusOf(1000n, [early(400n)], { nowMs }).status).toEqual(UNDERPAYMENT);
    expect(statusOf(1000n, [early(1000n)], { nowMs }).status).toEqual(SUCCESSFUL);
    expect(statusOf(1000n, [early(2000n)], { nowMs }).status).toEqual(OVERPAYMENT);
  });

  it('marks a row entered by a late payment as overdue', () => {
    const nowMs = EXPIRES_AT_MS + 1_000;
    expect(statusOf(1000n, [late(400n)], { nowMs })).toMatchObject({
      status: UNDERPAYMENT_OVERDUE,
      isOverdue: true,
    });
    expect(statusOf(1000n, [early(400n), late(600n)], { nowMs }).status).toEqual(PAID_OVERDUE);
    expect(statusOf(1000n, [early(1000n), late(1n)], { nowMs }).status).toEqual(OVERPAYMENT_OVERDUE);
    expect(statusOf(1000n, [late(1000n)], { nowMs }).status).toEqual(PAID_OVERDUE);
  });

  it('counts a payment confirmed exactly at expiry as late', () => {
    const atExpiry = { amount: 1000n, confirmedAtMs: EXPIRES_AT_MS };
    expect(statusOf(1000n, [atExpiry], { nowMs: EXPIRES_AT_MS }).status).toEqual(PAID_OVERDUE);
    const justBefore = { amount: 1000n, confirmedAtMs: EXPIRES_AT_MS - 1 };
    expect(statusOf(1000n, [justBefore], { nowMs: EXPIRES_AT_MS }).status).toEqual(SUCCESSFUL);
  });

  it('does not make a row overdue when a late payment leaves it unchanged', () => {
    const nowMs = EXPIRES_AT_MS + 1_000;
    // 996 is full with 0.5 % tolerance (allowance 5); a late 3 keeps it full at 999.
    expect(statusOf(1000n, [early(996n), late(3n)], { nowMs, tolerance: HALF_PERCENT })).toMatchObject({
      status: SUCCESSFUL,
      paidAmount: 999n,
      remainingAmount: 0n,
    });
    expect(statusOf(1000n, [early(100n), late(100n)], { nowMs }).status).toEqual(UNDERPAYMENT);
  });

  it('walks payments by confirmation time, not list order', () => {
    const nowMs = EXPIRES_AT_MS + 1_000;
    expect(statusOf(1000n, [late(600n), early(400n)], { nowMs }).status).toEqual(PAID_OVERDUE);
    expect(statusOf(1000n, [late(1n), early(1000n)], { nowMs }).status).toEqual(OVERPAYMENT_OVERDUE);
  });

  it('applies the tolerance in both directions, rounded down', () => {
    const tolerance = HALF_PERCENT;
    // floor(1000 × 0.005) = 5
    expect(statusOf(1000n, [early(994n)], { tolerance }).funds).toBe('part');
    expect(statusOf(1000n, [early(995n)], { tolerance }).funds).toBe('full');
    expect(statusOf(1000n, [early(1005n)], { tolerance }).funds).toBe('full');
    expect(statusOf(1000n, [early(1006n)], { tolerance }).funds).toBe('more');
    // floor(999 × 0.005) = floor(4.995) = 4
    expect(statusOf(999n, [early(994n)], { tolerance }).funds).toBe('part');
    expect(statusOf(999n, [early(995n)], { tolerance }).funds).toBe('full');
    expect(statusOf(999n, [early(1003n)], { tolerance }).funds).toBe('full');
    expect(statusOf(999n, [early(1004n)], { tolerance }).funds).toBe('more');
  });

  it('ignores zero-amount payments', () => {
    expect(statusOf(1000n, [late(0n)], { nowMs: EXPIRES_AT_MS + 1 })).toMatchObject({
      status: EXPIRED,
      isOverdue: false,
    });
  });

  it('refuses negative amounts', () => {
    expect(() => statusOf(1000n, [early(-1n)])).toThrow(RangeError);
    expect(() => statusOf(-1n, [])).toThrow(RangeError);
  });
});

describe('getOrderStatus properties', () => {
  const RANK: Record<OrderFunds, number> = { none: 0, part: 1, full: 2, more: 3 };
  const tolerance = fc
    .tuple(fc.bigInt({ min: 0n, max: 200n }), fc.integer({ min: 2, max: 4 }))
    .map(([units, scale]): Decimal => ({ units, scale }));
  const amountDue = fc.bigInt({ min: 1n, max: 10n ** 24n });
  // Timestamps around expiry, with collisions likely so ties are exercised.
  const payment = (maxAmount: bigint) =>
    fc.record({
      amount: fc.bigInt({ min: 0n, max: maxAmount }),
      confirmedAtMs: fc.integer({ min: EXPIRES_AT_MS - 5, max: EXPIRES_AT_MS + 5 }),
    });
  const scenario = amountDue.chain((due) =>
    fc.record({
      amountDue: fc.constant(due),
      tolerance,
      expiresAtMs: fc.constant(EXPIRES_AT_MS),
      nowMs: fc.integer({ min: EXPIRES_AT_MS - 10, max: EXPIRES_AT_MS + 10 }),
      payments: fc.array(payment((due * 3n) / 2n + 1n), { maxLength: 6 }),
    }),
  );

  it('is monotone in the paid amount', () => {
    fc.assert(
      fc.property(
        amountDue,
        tolerance,
        fc.bigInt({ min: 0n, max: 10n ** 25n }),
        fc.bigInt({ min: 0n, max: 10n ** 25n }),
        (due, tol, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const lowFunds = statusOf(due, [early(low)], { tolerance: tol }).funds;
          const highFunds = statusOf(due, [early(high)], { tolerance: tol }).funds;
          expect(RANK[lowFunds]).toBeLessThanOrEqual(RANK[highFunds]);
        },
      ),
    );
  });

  it('determines the row by the sum alone, however it is split or ordered', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (input, seed) => {
        const sum = input.payments.reduce((total, p) => total + p.amount, 0n);
        const whole = getOrderStatus({ ...input, payments: sum === 0n ? [] : [{ amount: sum, confirmedAtMs: 0 }] });
        const rotated = [
          ...input.payments.slice(seed % (input.payments.length || 1)),
          ...input.payments.slice(0, seed % (input.payments.length || 1)),
        ];
        const result = getOrderStatus(input);
        expect(result.funds).toBe(whole.funds);
        expect(result.paidAmount).toBe(sum);
        expect(getOrderStatus({ ...input, payments: [...input.payments].reverse() })).toEqual(result);
        expect(getOrderStatus({ ...input, payments: rotated })).toEqual(result);
      }),
    );
  });

  it('is overdue exactly when the payment entering the final row was late', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = getOrderStatus(input);
        const due = input.amountDue ?? 0n;
        const allowance = (due * input.tolerance.units) / 10n ** BigInt(input.tolerance.scale);
        const rowOf = (paid: bigint): OrderFunds =>
          paid === 0n ? 'none' : paid < due - allowance ? 'part' : paid > due + allowance ? 'more' : 'full';
        // Oracle: the earliest time at which everything confirmed so far already sits in the final row.
        const times = [...new Set(input.payments.map((p) => p.confirmedAtMs))].sort((a, b) => a - b);
        const enteredAtMs = times.find(
          (t) =>
            rowOf(input.payments.filter((p) => p.confirmedAtMs <= t).reduce((s, p) => s + p.amount, 0n)) ===
            result.funds,
        );
        const expected = result.funds !== 'none' && enteredAtMs !== undefined && enteredAtMs >= input.expiresAtMs;
        expect(result.isOverdue).toBe(expected);
        expect(result.status.funds !== 'none' && result.status.isOverdue).toBe(expected);
        expect(isPaidStatus(result.status)).toBe(result.funds === 'full' || result.funds === 'more');
        if (result.funds === 'none') {
          expect(result.status).toEqual(input.nowMs < input.expiresAtMs ? PENDING : EXPIRED);
        }
      }),
    );
  });

  it('is Successful when exactly the amount due arrives before expiry', () => {
    fc.assert(
      fc.property(
        amountDue,
        tolerance,
        fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: EXPIRES_AT_MS - 1 }), { minLength: 5, maxLength: 5 }),
        (due, tol, weights, times) => {
          // Split `due` into parts by the weights; the last part takes the remainder.
          const totalWeight = BigInt(weights.reduce((s, w) => s + w, 0)) || 1n;
          const parts = weights.map((w) => (due * BigInt(w)) / totalWeight);
          parts[parts.length - 1] = due - parts.slice(0, -1).reduce((s, p) => s + p, 0n);
          const payments = parts.map((amount, i) => ({ amount, confirmedAtMs: times[i] ?? 0 }));
          const confirmedLast = Math.max(...payments.map((p) => p.confirmedAtMs));
          const input: GetOrderStatusParameters = {
            amountDue: due,
            tolerance: tol,
            expiresAtMs: EXPIRES_AT_MS,
            nowMs: confirmedLast,
            payments,
          };
          expect(getOrderStatus(input)).toMatchObject({ status: SUCCESSFUL, paidAmount: due, remainingAmount: 0n });
        },
      ),
    );
  });
});
