// Risk: PostgreSQL closing an idle pooled connection (a restart, a failover, an operator's kill) takes the whole gateway down.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import type { KassaDb } from './createDb.ts';
import { openPostgresDb } from './openPostgresDb.ts';

const postgres = testDatabases().find((database) => database.kind === 'postgres');

describe.skipIf(postgres === undefined)('openPostgresDb', () => {
  let created: Awaited<ReturnType<NonNullable<typeof postgres>['create']>>;
  let kassaDb: KassaDb;
  beforeAll(async () => {
    created = await (postgres as NonNullable<typeof postgres>).create();
    kassaDb = openPostgresDb({ url: created.url, pgSchema: created.pgSchema, maxConnections: 1 });
  });
  afterAll(async () => {
    await kassaDb.close();
    await created.dispose();
  });

  it('survives the server closing its idle connection, and the next query opens a fresh one', async () => {
    const backendPid = async () =>
      (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(kassaDb.db)).rows[0]?.pid;
    const before = await backendPid();
    expect(before).toBeTypeOf('number');
    const { rows } = await sql<{ name: string }>`select current_setting('application_name') as name`.execute(
      kassaDb.db,
    );
    expect(rows[0]?.name).toBe('kassa');
    // The one pooled connection is idle now; the server ends it, as a restart or failover would.
    const admin = new pg.Client({ connectionString: created.url });
    await admin.connect();
    try {
      expect((await admin.query('select pg_terminate_backend($1) as done', [before])).rows[0]?.done).toBe(true);
    } finally {
      await admin.end();
    }
    // The pool hears of it as an 'error' event; unheard, it would have ended the process by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await backendPid();
    expect(after).toBeTypeOf('number');
    expect(after).not.toBe(before);
  });
});
