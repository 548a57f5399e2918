// Guards against two processes watching one network at once, a standby that never takes over, a holder that keeps working after losing its lock, and a lease that waits on or takes rows another transaction holds.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../../test/support/openTestStore.ts';
import { reconnectTestStore } from '../../../../test/support/reconnectTestStore.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';

const FAST = { retryMs: 20, heartbeatMs: 50 } as const;

describe.each(testDatabases())('KassaDialect.createLeaderLock ($kind)', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(database);
  });
  afterAll(async () => t.dispose());

  // On PostgreSQL each lock object is its own session, as in two processes; SQLite serves one
  // process, so there the holders share one lock object.
  const createLocks = () => {
    const first = t.kassaDb.dialect.createLeaderLock(FAST);
    return [first, database.kind === 'postgres' ? t.kassaDb.dialect.createLeaderLock(FAST) : first] as const;
  };

  it('lets one holder in at a time; the standby gets the lock once it is released', async () => {
    const [a, b] = createLocks();
    const held = await a.acquire('watcher:DEV', new AbortController().signal);
    expect(held).not.toBeNull();
    let standby: Awaited<ReturnType<typeof b.acquire>> | undefined;
    const waiting = b.acquire('watcher:DEV', new AbortController().signal).then((lease) => {
      standby = lease;
      return lease;
    });
    // Another name is independent.
    const other = await b.acquire('watcher:ETH', new AbortController().signal);
    expect(other).not.toBeNull();
    await new Promise((r) => setTimeout(r, 150));
    expect(standby).toBeUndefined();

    await held?.release();
    const taken = await waiting;
    expect(taken).not.toBeNull();
    await taken?.release();
    await other?.release();
  });

  it('gives up waiting when its signal aborts', async () => {
    const [a, b] = createLocks();
    const held = await a.acquire('watcher:DEV', new AbortController().signal);
    const controller = new AbortController();
    const waiting = b.acquire('watcher:DEV', controller.signal);
    setTimeout(() => controller.abort(), 60);
    expect(await waiting).toBeNull();
    await held?.release();
  });

  it.runIf(database.kind === 'postgres')(
    'signals a lost lock when its session dies, and the standby takes over',
    async () => {
      const [a, b] = createLocks();
      const held = await a.acquire('watcher:DEV', new AbortController().signal);
      const waiting = b.acquire('watcher:DEV', new AbortController().signal);
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      try {
        // Only this schema's watcher:DEV lock: other suites may hold advisory locks meanwhile.
        const { rows } = await admin.query<{ pid: number }>(
          `select pid from pg_locks where locktype = 'advisory' and granted and objsubid = 2
           and objid = hashtext($1 || '/watcher:DEV')::oid`,
          [t.pgSchema],
        );
        const pids = rows.map((r) => r.pid);
        expect(pids.length).toBeGreaterThan(0);
        for (const pid of pids) await admin.query('select pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      await new Promise<void>((resolve) => {
        if (held?.lost.aborted) resolve();
        held?.lost.addEventListener('abort', () => resolve(), { once: true });
      });
      const taken = await waiting;
      expect(taken?.lost.aborted).toBe(false);
      await held?.release();
      await taken?.release();
    },
  );

  it('leaseTarget takes the keys still at the value, skipping rows another transaction holds', async () => {
    const { db, dialect } = t.kassaDb;
    await sql`create table lease_probe (id text primary key, state text not null)`.execute(db);
    await sql`insert into lease_probe (id, state) values ('a', 'pending'), ('b', 'pending'), ('c', 'done')`.execute(db);
    const target = dialect.leaseTarget({
      table: 'lease_probe',
      key: 'id',
      keys: ['a', 'b', 'c'],
      column: 'state',
      value: 'pending',
    });
    // A second pool, as another dispatcher process; SQLite serves one process, whose writers take turns.
    const other = database.kind === 'postgres' ? reconnectTestStore(t) : t.kassaDb;
    try {
      const leased = await db.transaction().execute(async (trx) => {
        if (database.kind === 'postgres') await sql`select id from lease_probe where id = 'a' for update`.execute(trx);
        return sql<{ id: string }>`update lease_probe set state = 'leased' where ${target} returning id`.execute(
          database.kind === 'postgres' ? other.db : trx,
        );
      });
      expect(leased.rows.map((row) => row.id).sort()).toEqual(database.kind === 'postgres' ? ['b'] : ['a', 'b']);
    } finally {
      if (other !== t.kassaDb) await other.close();
    }
  });
});
