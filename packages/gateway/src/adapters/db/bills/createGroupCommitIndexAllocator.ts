import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { AddressStore, NewOrderKey } from '../../../core/ports.ts';
import { allocateForNewOrder } from '../createAddressStore.ts';
import { createGroupCommit } from '../createGroupCommit.ts';
import type { Database } from '../schema.ts';

type Wanted = NewOrderKey & { readonly xpubId: string };

/**
 * SQLite: `allocateIndexForNewOrder` of concurrent requests in one transaction (createGroupCommit),
 * one commit for them all; the same statement as createAddressStore's, prepared.
 */
export function createGroupCommitIndexAllocator(
  db: Kysely<Database>,
  sqlite: SQLite.Database,
): Pick<AddressStore, 'allocateIndexForNewOrder'> {
  // Compiled once by Kysely for SQLite; the values are bound per call.
  const allocate = sqlite.prepare(allocateForNewOrder('', { appId: '', merchantOrderId: '' }).compile(db).sql);
  const batched = createGroupCommit(db, sqlite, ({ xpubId, appId, merchantOrderId }: Wanted) => {
    const row = allocate.get(xpubId, appId, merchantOrderId) as { next_index: number } | undefined;
    return row === undefined ? null : row.next_index - 1;
  });
  return {
    allocateIndexForNewOrder: (xpubId, { appId, merchantOrderId }) =>
      batched.submit({ xpubId, appId, merchantOrderId }),
  };
}
