import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * An attempt row is written before its request leaves (`sending`) and completed with the answer
 * (`finished`), or found `interrupted` when its dispatcher died or stopped first: a retry after a
 * crash then shows as one. Every earlier row was written after its answer, hence the default.
 */
export const attemptsBeforeSendingMigration: KassaMigration = {
  name: '0007_attempts_before_sending',
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('delivery_attempts')
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('finished'))
      .execute();
  },
};
