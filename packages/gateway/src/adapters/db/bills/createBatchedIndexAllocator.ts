import { CompiledQuery, type Kysely } from 'kysely';
import type { AddressStore, NewOrderKey } from '../../../core/ports.ts';
import { createWriteBatcher } from '../orders/createWriteBatcher.ts';
import type { Database } from '../schema.ts';

type Wanted = NewOrderKey & { readonly xpubId: string };

// Each xpub's counter moves once for the whole batch, by the number of its requests whose order
// does not exist yet; those get the indexes just passed, in the order they arrived.
const ALLOCATE_SQL = `with wanted as (
    select r.i, r.xpub_id
    from unnest($1::text[], $2::text[], $3::text[]) with ordinality as r(xpub_id, app_id, merchant_order_id, i)
    where not exists (
      select 1 from orders o where o.app_id = r.app_id and o.merchant_order_id = r.merchant_order_id)),
  counts as (select xpub_id, count(*)::integer as n from wanted group by xpub_id),
  bumped as (
    insert into address_counters (xpub_id, next_index) select xpub_id, n from counts
    on conflict (xpub_id) do update set next_index = address_counters.next_index + excluded.next_index
    returning xpub_id, next_index)
  select w.i, b.next_index - c.n + row_number() over (partition by w.xpub_id order by w.i) - 1 as address_index
  from wanted w join counts c using (xpub_id) join bumped b using (xpub_id)`;

/**
 * PostgreSQL: `allocateIndexForNewOrder` of concurrent requests as one statement
 * (createWriteBatcher). Each allocation commits on its own, and a counter row stays locked until
 * its commit is on disk: one commit per request would make every request of the xpub wait for
 * the flushes of those before it. One per batch serves them all.
 */
export function createBatchedIndexAllocator(
  db: Kysely<Database>,
  { maxInFlight = 1, maxBatchSize = 1_000 } = {},
): Pick<AddressStore, 'allocateIndexForNewOrder'> {
  const batcher = createWriteBatcher<Wanted, number | null>({
    // One batch at a time: two would only queue on the counter's row lock.
    maxInFlight,
    maxBatchSize,
    async writeBatch(wanted) {
      const { rows } = await db.executeQuery<{ i: string | number; address_index: string | number }>(
        CompiledQuery.raw(ALLOCATE_SQL, [
          wanted.map((w) => w.xpubId),
          wanted.map((w) => w.appId),
          wanted.map((w) => w.merchantOrderId),
        ]),
      );
      const indexes = new Map(rows.map((row) => [Number(row.i), Number(row.address_index)]));
      // Ordinality counts from 1; a request whose order exists got no row: null, no index used.
      return wanted.map((_, k) => ({ status: 'fulfilled', value: indexes.get(k + 1) ?? null }));
    },
  });
  return {
    allocateIndexForNewOrder: (xpubId, { appId, merchantOrderId }) =>
      batcher.submit({ xpubId, appId, merchantOrderId }),
  };
}
