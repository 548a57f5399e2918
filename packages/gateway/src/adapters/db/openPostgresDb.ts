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
/** A server that has not accepted a connection by then is down or unreachable: the query fails. */
const CONNECT_TIMEOUT_MS = 10_000;

/** A pool of PostgreSQL connections behind Kysely, with the PostgreSQL dialect. */
export function openPostgresDb({ url, pgSchema, maxConnections }: OpenPostgresDbParameters): KassaDb {
  const { Pool, types } = loadPg();
  const pool = new Pool({
    connectionString: url,
    max: maxConnections,
    // Without it a connection to a server that never answers waits forever, and so does its query.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Names the gateway's connections in pg_stat_activity.
    application_name: 'kassa',
    ...searchPathOption(pgSchema),
    types: {
      // BIGINT columns hold epoch milliseconds, far below 2^53: numbers, not strings.
      getTypeParser: ((oid: number, format?: string) =>
        oid === PG_INT8_OID
          ? (value: string) => Number(value)
          : types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (a restart, a failover, `idle_session_timeout`, an
  // operator's pg_terminate_backend) is reported here, and an 'error' event nobody listens to
  // would end the process. The pool has already dropped that connection and the next query opens
  // a fresh one; a server that stays down fails the queries themselves, which their callers report.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: createPostgresDialect({ url, pgSchema }), close: () => db.destroy() };
}
