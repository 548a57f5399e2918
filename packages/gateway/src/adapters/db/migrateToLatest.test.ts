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
  it('numbers the deliveries already queued per order, oldest first, when it adds their order', async () => {
    const { created, connect } = await open();
    const kassaDb = connect();
    const upTo = MIGRATIONS.findIndex((m) => m.name === '0004_deliveries_in_order');
    try {
      await migrateToLatest(kassaDb, MIGRATIONS.slice(0, upTo));
      const row = (id: string, orderId: string, createdAt: number) =>
        sql`(${id}, 'app', ${orderId}, ${`rec-${id}`}, 'success', 'https://shop.example/hook', '{}', 'pending', 0, 0, ${createdAt})`;
      await sql`insert into deliveries
        (delivery_id, app_id, order_id, record_id, event, url, body, state, attempts, next_attempt_at, created_at)
        values ${sql.join([row('d3', 'A', 30), row('d1', 'A', 10), row('d2b', 'A', 20), row('d2a', 'A', 20), row('e1', 'B', 5)])}`.execute(
        kassaDb.db,
      );
      expect((await migrateToLatest(kassaDb)).applied).toContain('0004_deliveries_in_order');
      const rows = await sql<{ delivery_id: string; seq: number | string }>`
        select delivery_id, seq from deliveries order by order_id, seq`.execute(kassaDb.db);
      expect(rows.rows.map((r) => [r.delivery_id, Number(r.seq)])).toEqual([
        ['d1', 1],
        ['d2a', 2],
        ['d2b', 3],
        ['d3', 4],
        ['e1', 1],
      ]);
    } finally {
      await kassaDb.close();
      await created.dispose();
    }
  });
});
