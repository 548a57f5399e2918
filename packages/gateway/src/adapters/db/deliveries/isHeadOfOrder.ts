import { type RawBuilder, sql } from 'kysely';

/**
 * True for a delivery that is next in its order: no earlier delivery of the order is still pending
 * and no other one is leased. So an order's webhooks go out one at a time, in the order they were
 * written, and a new one starts only after the one before it was answered (docs/webhooks.md).
 * `alias` names the `deliveries` row being tested in the surrounding statement.
 */
export function isHeadOfOrder(alias: 'deliveries' | 'due', nowMs: number): RawBuilder<unknown> {
  const row = sql.ref(alias);
  return sql`not exists (
    select 1 from deliveries ahead
    where ahead.order_id = ${row}.order_id and ahead.delivery_id <> ${row}.delivery_id and ahead.state = 'pending'
      and (ahead.seq < ${row}.seq or ahead.lease_until >= ${nowMs}))`;
}
