import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AddressStore, NewOrderKey } from '../../core/ports.ts';
import type { Database } from './schema.ts';

/**
 * The statement that takes the next index unless the app has the order (xpub id, app id, merchant order id): the
 * SELECT yields no row when the order exists, and then nothing is inserted or updated. (SQLite
 * needs the WHERE there anyway: it tells its parser the ON CONFLICT is the upsert's.)
 */
export function allocateForNewOrder(
  xpubId: string,
  { appId, merchantOrderId }: NewOrderKey,
): RawBuilder<{ next_index: number | string }> {
  return sql`insert into address_counters (xpub_id, next_index)
    select ${xpubId}, 1 where not exists (
      select 1 from orders where app_id = ${appId} and merchant_order_id = ${merchantOrderId})
    on conflict (xpub_id) do update set next_index = address_counters.next_index + 1
    returning next_index`;
}

/**
 * Address counters in the database. One upsert statement per allocation: the row lock (PostgreSQL)
 * or the write lock (SQLite) makes concurrent callers, in this process or another, take turns, and
 * a committed increment is never undone, so no index is handed out twice. `batching` replaces
 * `allocateIndexForNewOrder` outside transactions (the dialect's, sharing commits).
 */
export function createAddressStore(
  db: Kysely<Database>,
  batching?: Pick<AddressStore, 'allocateIndexForNewOrder'>,
): AddressStore {
  return {
    async allocateIndex(xpubId) {
      const { next_index } = await db
        .insertInto('address_counters')
        .values({ xpub_id: xpubId, next_index: 1 })
        .onConflict((oc) =>
          oc.column('xpub_id').doUpdateSet((eb) => ({ next_index: eb('address_counters.next_index', '+', 1) })),
        )
        .returning('next_index')
        .executeTakeFirstOrThrow();
      // The column holds the next free index, so the one just taken is one below it.
      return Number(next_index) - 1;
    },
    async allocateIndexForNewOrder(xpubId, order) {
      if (batching !== undefined) return batching.allocateIndexForNewOrder(xpubId, order);
      const [row] = (await allocateForNewOrder(xpubId, order).execute(db)).rows;
      return row === undefined ? null : Number(row.next_index) - 1;
    },
  };
}
