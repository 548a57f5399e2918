import type { Decimal } from './money/Decimal.ts';
import type { OrderFunds, OrderStatus } from './OrderStatus.ts';

export type { OrderFunds } from './OrderStatus.ts';

/** One confirmed payment, already counted in the newest quote's base units. */
export type OrderStatusPayment = {
  readonly amount: bigint;
  readonly confirmedAtMs: number;
};

export type GetOrderStatusParameters = {
  /**
   * `order_amount` of the newest quote in its base units, or null before the buyer picked a
   * coin. Null is compared as zero owed: without a quote there is no address to pay, so in
   * practice it only ever meets an empty payment list.
   */
  readonly amountDue: bigint | null;
  /** Accepted deviation as a fraction of `amountDue`, both directions (`0.005` = 0.5 %); default 0. */
  readonly tolerance: Decimal;
  /** End of the valid period. */
  readonly expiresAtMs: number;
  readonly nowMs: number;
  /**
   * Confirmed payments only (processing and failed ones do not count), amounts non-negative,
   * payments in another coin already converted (rounded down) to the newest quote's units.
   * Any order: they are walked by confirmation time.
   */
  readonly payments: readonly OrderStatusPayment[];
};

export type GetOrderStatusReturnType = {
  readonly status: OrderStatus;
  readonly funds: OrderFunds;
  /** Sum of the confirmed payments. */
  readonly paidAmount: bigint;
  /** What is still owed for `none` and `part` (`amountDue - paidAmount`); 0 otherwise. */
  readonly remainingAmount: bigint;
  /** The payment that moved the order into its current funds row was confirmed at or after expiry. */
  readonly isOverdue: boolean;
};

/**
 * Computes an order's status from its newest quote, confirmed payments and the clock
 * (spec §6). Pure: the same input always gives the same status.
 *
 * Funds: none when nothing is paid; full when `|paid - due| <= floor(due * tolerance)`; part
 * below that band, more above it. Overdue: the payment whose confirmation made the running
 * sum enter the final row came at or after `expiresAtMs`.
 *
 * @example
 * getOrderStatus({ amountDue: 100n, tolerance: { units: 0n, scale: 0 }, expiresAtMs: 1000,
 *   nowMs: 500, payments: [{ amount: 100n, confirmedAtMs: 400 }] }).status // { funds: 'full', isOverdue: false }
 */
export function getOrderStatus(parameters: GetOrderStatusParameters): GetOrderStatusReturnType {
  const { expiresAtMs, nowMs, tolerance } = parameters;
  const amountDue = parameters.amountDue ?? 0n;
  if (amountDue < 0n) throw new RangeError('amountDue must not be negative');
  if (tolerance.units < 0n) throw new RangeError('tolerance must not be negative');
  // The band is rounded down: tolerance never lets a payer off by a fractional base unit more.
  const allowance = (amountDue * tolerance.units) / 10n ** BigInt(tolerance.scale);

  // Sums only grow, so rows only move forward (none → part → full → more); the last change
  // seen while walking in confirmation order is the payment that entered the final row.
  // Sorting also makes the result independent of the order the caller lists payments in.
  const payments = [...parameters.payments].sort((a, b) => a.confirmedAtMs - b.confirmedAtMs);
  let paidAmount = 0n;
  let funds: OrderFunds = 'none';
  let enteredAtMs = Number.NEGATIVE_INFINITY;
  for (const payment of payments) {
    if (payment.amount < 0n) throw new RangeError('payment amounts must not be negative');
    paidAmount += payment.amount;
    const next = classifyFunds(paidAmount, amountDue, allowance);
    if (next !== funds) {
      funds = next;
      enteredAtMs = payment.confirmedAtMs;
    }
  }

  const isOverdue = funds !== 'none' && enteredAtMs >= expiresAtMs;
  const remainingAmount =
    (funds === 'none' || funds === 'part') && paidAmount < amountDue ? amountDue - paidAmount : 0n;
  return {
    status: funds === 'none' ? { funds, isOpen: nowMs < expiresAtMs } : { funds, isOverdue },
    funds,
    paidAmount,
    remainingAmount,
    isOverdue,
  };
}

function classifyFunds(paid: bigint, due: bigint, allowance: bigint): OrderFunds {
  if (paid === 0n) return 'none';
  if (paid < due - allowance) return 'part';
  if (paid > due + allowance) return 'more';
  return 'full';
}
