import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { KassaDb } from './createDb.ts';
import { createPostgresDialect } from './dialect/createPostgresDialect.ts';
import { searchPathOption } from './dialect/searchPathOption.ts';
import { loadPg } from './loadPg.ts';
import type { Database } from './schema.ts';

export type OpenPostgresDbParameters = {
  readonly url: string;
  readonly pgSchema: string | undefined;
  readonly maxConnections: number;
};

const PG_INT8_OID = 20;

/** A pool of PostgreSQL connections behind Kysely, with the PostgreSQL dialect. */
export function openPostgresDb({ url, pgSchema, maxConnections }: OpenPostgresDbParameters): KassaDb {
  const { Pool, types } = loadPg();
  const pool = new Pool({
    connectionString: url,
    max: maxConnections,
    ...searchPathOption(pgSchema),
    types: {
      // BIGINT columns hold epoch milliseconds, far below 2^53: numbers, not strings.
      getTypeParser: ((oid: number, format?: string) =>
        oid === PG_INT8_OID
          ? (value: string) => Number(value)
          : types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: createPostgresDialect({ url, pgSchema }), close: () => db.destroy() };
}
