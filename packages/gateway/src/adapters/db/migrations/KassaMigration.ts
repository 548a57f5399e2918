import type { Kysely } from 'kysely';
import type { SqlDialectName } from '../dialect/KassaDialect.ts';

/** A schema step. Migrations get the dialect for the rare statement that must differ. */
export type KassaMigration = {
  // Runs inside the migration runner's transaction: never open another one.
  readonly name: string;
  up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void>;
};
