// Guards against two processes watching one network at once, a standby that never takes over (or waits for a dead holder's session), a holder that keeps writing after losing its lease, and a lease that waits on or takes rows another transaction holds.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../../test/support/openTestStore.ts';
import { reconnectTestStore } from '../../../../test/support/reconnectTestStore.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { type LeaseFencing, LeaseLostError } from '../../../core/LeaderLock.ts';

// A ttl a loaded CI machine renews within; the takeover test waits about one.
const FAST = { retryMs: 20, ttlMs: 1_000 } as const;

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
    'a holder that stops renewing loses the lease within its ttl; the standby takes it with a higher token, and the old one is fenced off',
    async () => {
      const [a, b] = createLocks();
      let isHealthy = true;
      const held = await a.acquire('watcher:DEV', new AbortController().signal, { isHealthy: () => isHealthy });
      const waiting = b.acquire('watcher:DEV', new AbortController().signal);
      // Renewed while healthy: the standby waits well past one ttl.
      await new Promise((r) => setTimeout(r, FAST.ttlMs * 2));
      expect(held?.lost.aborted).toBe(false);
      const stoppedAt = performance.now();
      isHealthy = false;
      const taken = await waiting;
      const tookMs = performance.now() - stoppedAt;
      expect(tookMs).toBeLessThan(FAST.ttlMs + FAST.retryMs + 1_000);
      expect(held?.lost.aborted).toBe(true);
      expect(taken?.fencing?.token).toBeGreaterThan(held?.fencing?.token ?? Number.POSITIVE_INFINITY);
      const { store } = t;
      const oldFencing = held?.fencing as LeaseFencing;
      await expect(store.transaction((tx) => tx.leases.assertHeld(oldFencing))).rejects.toBeInstanceOf(LeaseLostError);
      await expect(
        store.transaction((tx) => tx.leases.assertHeld(taken?.fencing as LeaseFencing)),
      ).resolves.toBeUndefined();
      await held?.release();
      await taken?.release();
    },
  );

  it.runIf(database.kind === 'postgres')(
    'keeps the lease across a dropped connection (it reconnects to renew), unlike a session lock',
    async () => {
      // A ttl that leaves room to reconnect on a loaded machine: what is tested is that it does.
      const ttlMs = 3_000;
      const a = t.kassaDb.dialect.createLeaderLock({ retryMs: 20, ttlMs });
      const held = await a.acquire('watcher:DEV', new AbortController().signal);
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity where pid <> pg_backend_pid() and query like '%leader_leases%' and datname = current_database()`,
        );
        // Other suites' lease connections may be among them: a holder survives that by design.
        expect(rows.length).toBeGreaterThan(0);
        for (const { pid } of rows) await admin.query('select pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, ttlMs * 2));
      expect(held?.lost.aborted).toBe(false);
      await held?.release();
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
