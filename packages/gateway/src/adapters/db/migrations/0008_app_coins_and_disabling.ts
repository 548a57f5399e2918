import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * What the console lets an operator set on an app beyond its webhook settings: the coins it takes
 * (a JSON array of token ids; null, the default, takes every token on offer) and whether it is
 * disabled (its credentials refused from then on).
 */
export const appCoinsAndDisablingMigration: KassaMigration = {
  name: '0008_app_coins_and_disabling',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('apps').addColumn('enabled_token_ids', 'text').execute();
    await db.schema.alterTable('apps').addColumn('disabled_at', 'bigint').execute();
  },
};
