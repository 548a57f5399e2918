// Risk: SQLite's page cache or a memory map of the whole file grows the process's RSS with the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteDb, SQLITE_CACHE_KIB } from './openSqliteDb.ts';

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('bounds the page cache and maps none of the file', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-sqlite-'));
  dataDirs.push(dataDir);
  const { kassaDb, sqlite } = openSqliteDb(path.join(dataDir, 'kassa.sqlite'));
  try {
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-SQLITE_CACHE_KIB);
    expect(SQLITE_CACHE_KIB).toBeLessThanOrEqual(16 * 1024);
    expect(sqlite.pragma('mmap_size', { simple: true })).toBe(0);
  } finally {
    await kassaDb.close();
  }
});
