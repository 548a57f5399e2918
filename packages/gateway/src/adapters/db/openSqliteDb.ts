import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { KassaDb } from './createDb.ts';
import { createSqliteDialect } from './dialect/createSqliteDialect.ts';
import type { Database } from './schema.ts';
import { startWalCheckpointer } from './startWalCheckpointer.ts';
import { withStatementCache } from './withStatementCache.ts';

/** A SQLite database opened for the gateway, and the connection under its Kysely handle. */
export type OpenSqliteDbReturnType = {
  readonly kassaDb: KassaDb;
  /** Only for adapters/db: synchronous writes while holding `kassaDb.db`'s connection (group commit). */
  readonly sqlite: SQLite.Database;
};

const CHECKPOINT_INTERVAL_MS = 500;
/**
 * SQLite's page cache, in KiB (a negative `cache_size` is KiB). It is anonymous memory of the
 * process, so it counts toward RSS; 16 MiB holds the inner index pages the order lookups walk on
 * every request, and leaf pages past it come from the OS page cache with a read() each.
 */
export const SQLITE_CACHE_KIB = 16 * 1024;
/** Pages (4 KiB): where the writer checkpoints by itself, should the background checkpointer fall behind. */
const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

/** Opens a SQLite file (or `:memory:`) in WAL mode behind Kysely, with the SQLite dialect. */
export function openSqliteDb(file: string): OpenSqliteDbReturnType {
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; NORMAL sync is durable at checkpoints and safe in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // No memory map: every page of the file it touched stayed mapped into the process, counted in its
  // RSS (the watcher's reload of 100,000 watched quotes touched 55 MB of it, bench/memory.ts).
  sqlite.pragma('mmap_size = 0');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const dialect = createSqliteDialect(sqlite);
  if (sqlite.memory) return { kassaDb: { db, dialect, close: () => db.destroy() }, sqlite };
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startWalCheckpointer({
    file,
    intervalMs: CHECKPOINT_INTERVAL_MS,
    // Not fatal (the next one retries, and SQLite's own checkpoint is the backstop), but visible.
    onError: (message) => process.emitWarning(`SQLite WAL checkpoint failed: ${message}`),
  });
  const close = async () => {
    // The checkpointer first: the gateway's connection, closing last, then folds the WAL away.
    await checkpointer.stop();
    await db.destroy();
  };
  return { kassaDb: { db, dialect, close }, sqlite };
}
