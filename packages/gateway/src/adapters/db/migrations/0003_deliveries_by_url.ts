import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * The dispatcher refills one endpoint at a time when its slots free up: an index led by the URL
 * finds that endpoint's due deliveries in order without walking past every other endpoint's.
 */
export const deliveriesByUrlMigration: KassaMigration = {
  name: '0003_deliveries_by_url',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('deliveries_url_due')
      .on('deliveries')
      .columns(['url', 'state', 'next_attempt_at'])
      .execute();
  },
};
