import type { Kysely } from 'kysely';
import type { DeliveryAttempt } from '../../../core/Delivery.ts';
import type { ConsoleOrderDetail } from '../../../core/ports/ConsoleQueries.ts';
import { toPayment } from '../createPaymentStore.ts';
import { toQuote } from '../createQuoteStore.ts';
import { toDelivery } from '../deliveries/toDelivery.ts';
import { toDeliveryAttempt } from '../deliveries/toDeliveryAttempt.ts';
import { toOrder } from '../orders/toOrder.ts';
import type { Database } from '../schema.ts';

/** One order with everything that happened to it (`ConsoleQueries.findOrderDetail`); each read is by an index on the order. */
export async function findConsoleOrderDetail(
  db: Kysely<Database>,
  orderId: string,
): Promise<ConsoleOrderDetail | null> {
  const row = await db
    .selectFrom('orders as o')
    .innerJoin('apps as a', 'a.app_id', 'o.app_id')
    .selectAll('o')
    .select('a.name as app_name')
    .where('o.order_id', '=', orderId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const quotes = await db
    .selectFrom('quotes')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('quote_id')
    .execute();
  const payments = await db
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('seen_at')
    .orderBy('record_id')
    .execute();
  const deliveries = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('seq')
    .orderBy('created_at')
    .execute();
  const attempts =
    deliveries.length === 0
      ? []
      : await db
          .selectFrom('delivery_attempts')
          .selectAll()
          .where(
            'delivery_id',
            'in',
            deliveries.map((d) => d.delivery_id),
          )
          .orderBy('attempt_id')
          .execute();
  const attemptsOf = new Map<string, DeliveryAttempt[]>();
  for (const attempt of attempts.map(toDeliveryAttempt)) {
    attemptsOf.set(attempt.deliveryId, [...(attemptsOf.get(attempt.deliveryId) ?? []), attempt]);
  }
  const { app_name, ...orderRow } = row;
  return {
    order: toOrder(orderRow),
    appName: app_name,
    quotes: quotes.map(toQuote),
    payments: payments.map(toPayment),
    deliveries: deliveries.map((d) => ({ delivery: toDelivery(d), attempts: attemptsOf.get(d.delivery_id) ?? [] })),
  };
}
