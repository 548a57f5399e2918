import { type Kysely, sql } from 'kysely';
import { LeaseLostError } from '../../core/LeaderLock.ts';
import type { LeaseStore } from '../../core/ports.ts';
import type { KassaDialect } from './dialect/KassaDialect.ts';
import type { Database } from './schema.ts';

/**
 * Fencing for a job's writes: the lease row is locked for the rest of the transaction, then checked
 * to still carry the token and not to have expired. A standby's takeover (an update of that row)
 * waits for the transaction, so a deposed holder's write either commits before the takeover or
 * not at all.
 */
export function createLeaseStore(db: Kysely<Database>, dialect: KassaDialect): LeaseStore {
  return {
    async assertHeld(fencing) {
      await dialect.lockRowsForUpdate(db, sql`select name from leader_leases where name = ${fencing.name}`);
      const held = await db
        .selectFrom('leader_leases')
        .select('token')
        .where('name', '=', fencing.name)
        .where('token', '=', fencing.token)
        .where('expires_at', '>', dialect.nowMs)
        .executeTakeFirst();
      if (held === undefined) throw new LeaseLostError(fencing);
    },
  };
}
