import type { Kysely } from 'kysely';
import type { AddressStore } from '../../core/ports.ts';
import type { Database } from './schema.ts';

/**
 * Address counters in the database. One upsert statement per allocation: the row lock (PostgreSQL)
 * or the write lock (SQLite) makes concurrent callers, in this process or another, take turns, and
 * a committed increment is never undone, so no index is handed out twice.
 */
export function createAddressStore(db: Kysely<Database>): AddressStore {
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
  };
}
