import type { Payment } from '../../../../core/Payment.ts';
import type { ConsoleDeliveryWithAttempts, ConsoleOrderDetail } from '../../../../core/ports/ConsoleQueries.ts';
import type { Quote } from '../../../../core/Quote.ts';

/** One moment of an order's life, as its stored times tell it. */
export type TimelineEntry =
  | { readonly kind: 'created'; readonly atMs: number }
  | { readonly kind: 'quote'; readonly atMs: number; readonly quote: Quote }
  | {
      readonly kind: 'payment-seen' | 'payment-confirmed' | 'payment-failed';
      readonly atMs: number;
      readonly payment: Payment;
    }
  | { readonly kind: 'expired'; readonly atMs: number }
  | { readonly kind: 'webhook'; readonly atMs: number; readonly webhook: ConsoleDeliveryWithAttempts };

/**
 * The order's timeline, oldest first: created, each quote, each payment seen, confirmed or failed (a
 * reorg), the end of its valid period once passed, and each webhook (its attempts inside it).
 * Entries at the same moment keep this order, so a payment shows before the webhook it caused.
 */
export function buildOrderTimeline(detail: ConsoleOrderDetail, nowMs: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ kind: 'created', atMs: detail.order.createdAtMs }];
  for (const quote of detail.quotes) entries.push({ kind: 'quote', atMs: quote.createdAtMs, quote });
  for (const payment of detail.payments) {
    entries.push({ kind: 'payment-seen', atMs: payment.seenAtMs, payment });
    if (payment.confirmedAtMs !== null)
      entries.push({ kind: 'payment-confirmed', atMs: payment.confirmedAtMs, payment });
    if (payment.failedAtMs !== null) entries.push({ kind: 'payment-failed', atMs: payment.failedAtMs, payment });
  }
  if (detail.order.expiresAtMs <= nowMs) entries.push({ kind: 'expired', atMs: detail.order.expiresAtMs });
  for (const webhook of detail.deliveries)
    entries.push({ kind: 'webhook', atMs: webhook.delivery.createdAtMs, webhook });
  // A stable sort: equal times keep the order above.
  return entries.sort((a, b) => a.atMs - b.atMs);
}
