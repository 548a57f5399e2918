import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { SqlDialectName } from './migrations/KassaMigration.ts';
import type { Database } from './schema.ts';
import { startWalCheckpointer } from './startWalCheckpointer.ts';

export type KassaDb = {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialectName;
  /**
   * SQLite only: the connection under `db`, for the few writes that run synchronously while they
   * hold `db`'s connection (createGroupCommit). Null on PostgreSQL.
   */
  readonly sqlite: SQLite.Database | null;
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

const CHECKPOINT_INTERVAL_MS = 500;
const MMAP_BYTES = 1024 ** 3;
/** Pages (4 KiB): where the writer checkpoints by itself, should the background checkpointer fall behind. */
const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

const PG_INT8_OID = 20;

/** Opens the database a URL names: SQLite (WAL) or PostgreSQL behind the same Kysely interface. */
export function createDb({ url, pgSchema, maxConnections = 10 }: CreateDbParameters): KassaDb {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: maxConnections,
      ...(pgSchema === undefined ? {} : { options: `-c search_path=${quoteSchemaName(pgSchema)}` }),
      types: {
        // BIGINT columns hold epoch milliseconds, far below 2^53: numbers, not strings.
        getTypeParser: ((oid: number, format?: string) =>
          oid === PG_INT8_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }

  const sqlite = new SQLite(url);
  // WAL lets readers run beside the writer; NORMAL sync is durable at checkpoints and safe in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // A 64 MiB page cache (the default is 2 MiB) keeps the order indexes of a busy shop in memory.
  sqlite.pragma('cache_size = -65536');
  // Pages past that cache are read through a memory map rather than a read() call and a copy each:
  // bill/info's 100 random orders touch a few hundred pages (bench/order-info.ts). Address space
  // only; the OS page cache decides what stays in memory.
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  if (sqlite.memory) return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startWalCheckpointer({
    file: url,
    intervalMs: CHECKPOINT_INTERVAL_MS,
    // Not fatal (the next one retries, and SQLite's own checkpoint is the backstop), but visible.
    onError: (message) => process.emitWarning(`SQLite WAL checkpoint failed: ${message}`),
  });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    close: async () => {
      // The checkpointer first: the gateway's connection, closing last, then folds the WAL away.
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

/** Whether a database URL selects PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; preparing costs as much as running a small query, so keep the
 * prepared statements by SQL text. Safe because Kysely runs one SQLite query at a time.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        // Queries with `in (?, ?, …)` lists vary in text; evict the oldest so the cache stays bounded.
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

function quoteSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`invalid schema name: ${name}`);
  return name;
}
