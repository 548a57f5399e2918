import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * Leadership of a job (watching one network) as a lease row: who holds it, its fencing token
 * (raised at every takeover) and until when, in the database's own clock (epoch ms). A holder must
 * renew it to keep it; every write of the job checks the token inside its transaction, so a holder
 * that lost the lease (frozen, cut off) can never write after another took over.
 */
export const leaderLeasesMigration: KassaMigration = {
  name: '0006_leader_leases',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('leader_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('token', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
