// Risk: migrations applied twice, half-applied after a failure, or racing when processes start together.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createDb } from './createDb.ts';
import { migrateToLatest } from './migrateToLatest.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { KassaMigration } from './migrations/KassaMigration.ts';

describe.each(testDatabases())('migrateToLatest ($kind)', (database) => {
  const open = async () => {
    const created = await database.create();
    const connect = () =>
      createDb({ url: created.url, ...(created.pgSchema === undefined ? {} : { pgSchema: created.pgSchema }) });
    return { created, connect };
  };

  it('applies every migration once, in order, and then nothing', async () => {
    const { created, connect } = await open();
    const kassaDb = connect();
    try {
      expect((await migrateToLatest(kassaDb)).applied).toEqual(MIGRATIONS.map((m) => m.name));
      expect((await migrateToLatest(kassaDb)).applied).toEqual([]);
      const rows = await sql<{ name: string }>`select name from kassa_migrations order by name`.execute(kassaDb.db);
      expect(rows.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await kassaDb.close();
      await created.dispose();
    }
  });

  it('leaves nothing behind when a migration fails', async () => {
    const { created, connect } = await open();
    const kassaDb = connect();
    const broken: KassaMigration = {
      name: '9999_broken',
      async up(db) {
        await sql`create table half_done (id integer)`.execute(db);
        await sql`select * from no_such_table`.execute(db);
      },
    };
    try {
      await expect(migrateToLatest(kassaDb, [...MIGRATIONS, broken])).rejects.toThrow();
      // The whole run rolled back: not even the earlier migrations of that run remain.
      expect((await migrateToLatest(kassaDb)).applied).toEqual(MIGRATIONS.map((m) => m.name));
      await expect(sql`select * from half_done`.execute(kassaDb.db)).rejects.toThrow();
    } finally {
      await kassaDb.close();
      await created.dispose();
    }
  });

  // SQLite serves one process, and better-sqlite3 waits for a lock synchronously, so three handles in
  // one thread would only wait on each other; PostgreSQL has real concurrent sessions.
  it.runIf(database.kind === 'postgres')('processes starting together apply each migration exactly once', async () => {
    const { created, connect } = await open();
    const handles = [connect(), connect(), connect()];
    try {
      const results = await Promise.all(handles.map((h) => migrateToLatest(h)));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await created.dispose();
    }
  });
});
