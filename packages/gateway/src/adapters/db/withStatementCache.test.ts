// Risk: prepared statements pile up (each holds native memory) as `in (?, ?, …)` lists vary in length.
import SQLite from 'better-sqlite3';
import { expect, it } from 'vitest';
import { STATEMENT_CACHE_SIZE, withStatementCache } from './withStatementCache.ts';

it('reuses a statement by its SQL text and drops the oldest past STATEMENT_CACHE_SIZE', () => {
  const database = withStatementCache(new SQLite(':memory:'));
  try {
    const sqlOf = (n: number) => `select ${Array.from({ length: n }, () => '?').join(', ')}`;
    const first = database.prepare(sqlOf(1));
    expect(database.prepare(sqlOf(1))).toBe(first);
    for (let n = 2; n <= STATEMENT_CACHE_SIZE; n += 1) database.prepare(sqlOf(n));
    // Exactly full: the first is still held.
    expect(database.prepare(sqlOf(1))).toBe(first);
    const newest = database.prepare(sqlOf(STATEMENT_CACHE_SIZE + 1));
    // One past the bound: the oldest (the first, re-used above without moving) went.
    expect(database.prepare(sqlOf(1))).not.toBe(first);
    expect(database.prepare(sqlOf(STATEMENT_CACHE_SIZE + 1))).toBe(newest);
  } finally {
    database.close();
  }
});
