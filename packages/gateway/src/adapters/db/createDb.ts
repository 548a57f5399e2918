import type { Kysely } from 'kysely';
import type { KassaDialect } from './dialect/KassaDialect.ts';
import { openPostgresDb } from './openPostgresDb.ts';
import { openSqliteDb } from './openSqliteDb.ts';
import type { Database } from './schema.ts';

/** An open database: the Kysely handle every query goes through, and what its dialect does differently. */
export type KassaDb = {
  readonly db: Kysely<Database>;
  readonly dialect: KassaDialect;
  close(): Promise<void>;
};

export type CreateDbParameters = {
  /** `postgres://…` / `postgresql://…` selects PostgreSQL; anything else is a SQLite file path. */
  readonly url: string;
  /** PostgreSQL only: the schema to work in (tests isolate themselves this way). */
  readonly pgSchema?: string;
  /** PostgreSQL only: pool size. */
  readonly maxConnections?: number;
};

/**
 * Opens the database a URL names: SQLite (WAL) or PostgreSQL behind the same Kysely interface.
 * The one place that tells the two apart; everything after asks `dialect`.
 */
export function createDb({ url, pgSchema, maxConnections = 10 }: CreateDbParameters): KassaDb {
  if (isPostgresUrl(url)) return openPostgresDb({ url, pgSchema, maxConnections });
  return openSqliteDb(url).kassaDb;
}

/** Whether a database URL selects PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
