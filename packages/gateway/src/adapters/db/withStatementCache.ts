import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Prepared statements held at most: each holds native memory (its compiled program). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; preparing costs as much as running a small query, so keep the
 * prepared statements by SQL text. Safe because Kysely runs one SQLite query at a time.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
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
