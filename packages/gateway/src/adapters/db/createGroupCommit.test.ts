// Risk: group commit acknowledging an order before it is durable, losing a batch-mate's order
// when one write fails, or answering an idempotent retry in the same batch wrongly.
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../../test/support/buildPaidOrder.ts';
import { insertTestApp, TEST_APP_ID } from '../../../test/support/insertTestApp.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import type { OrderStore } from '../../core/ports.ts';
import { createSecretBox } from '../crypto/createSecretBox.ts';
import type { KassaDb } from './createDb.ts';
import { createGroupCommit } from './createGroupCommit.ts';
import { createStore } from './createStore.ts';
import { migrateToLatest } from './migrateToLatest.ts';
import { openSqliteDb } from './openSqliteDb.ts';

const NOW_MS = Date.UTC(2026, 10, 21, 12);
const sqlite = testDatabases().filter((database) => database.kind === 'sqlite');

describe.each(sqlite)('createGroupCommit ($kind)', (database) => {
  let created: Awaited<ReturnType<typeof database.create>>;
  let kassaDb: KassaDb;
  /** The connection under `kassaDb.db`, on which group commits run. */
  let sqliteHandle: SQLite.Database;
  let orders: OrderStore;
  /** A second connection, as another process would read the file. */
  let reader: SQLite.Database;
  const countOrders = (merchantOrderIds: readonly string[]) =>
    (
      reader
        .prepare(
          `select count(*) as n from orders where merchant_order_id in (${merchantOrderIds.map(() => '?').join(',')})`,
        )
        .get(...merchantOrderIds) as { n: number }
    ).n;
  const orderOf = (n: number, appId = TEST_APP_ID) => ({
    ...buildPaidOrder({ n, appId, nowMs: NOW_MS }).order,
    status: { funds: 'none', isOpen: true } as const,
  });

  beforeAll(async () => {
    created = await database.create();
    ({ kassaDb, sqlite: sqliteHandle } = openSqliteDb(created.url));
    await migrateToLatest(kassaDb);
    // The store as the gateway builds it: orders outside a transaction go through group commit.
    const store = createStore(kassaDb, createSecretBox(randomBytes(32)), { groupCommitOrders: true });
    await insertTestApp(store, NOW_MS);
    orders = store.orders;
    reader = new SQLite(created.url, { readonly: true });
  });
  afterAll(async () => {
    reader.close();
    await kassaDb.close();
    await created.dispose();
  });

  it('commits writes submitted in one turn of the event loop in one transaction', async () => {
    sqliteHandle.exec('create table marks (n integer primary key)');
    const insert = sqliteHandle.prepare('insert into marks (n) values (?)');
    const seenByOthers = () => (reader.prepare('select count(*) as n from marks').get() as { n: number }).n;
    // While each write runs, another connection sees none of its batch-mates yet: one transaction.
    const batched = createGroupCommit(kassaDb.db, sqliteHandle, (n: number) => {
      const seen = seenByOthers();
      insert.run(n);
      return { n, inTransaction: sqliteHandle.inTransaction, seen };
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => batched.submit(n)));
    expect(results).toEqual([1, 2, 3, 4, 5].map((n) => ({ n, inTransaction: true, seen: 0 })));
    expect(seenByOthers()).toBe(5);
    // A later turn is a later transaction: it sees what the earlier one committed.
    expect(await batched.submit(6)).toEqual({ n: 6, inTransaction: true, seen: 5 });
  });

  it('resolves only after COMMIT: the order is visible to another connection when the caller hears of it', async () => {
    const seen = await Promise.all(
      [200, 201, 202].map(async (n) => {
        const result = await orders.insertOrder(orderOf(n));
        return { inserted: result.inserted, visible: countOrders([`M-${n}`]) };
      }),
    );
    expect(seen).toEqual([
      { inserted: true, visible: 1 },
      { inserted: true, visible: 1 },
      { inserted: true, visible: 1 },
    ]);
  });

  it('rejects a failing write alone; its batch-mates are committed', async () => {
    const results = await Promise.allSettled([
      orders.insertOrder(orderOf(300)),
      orders.insertOrder(orderOf(301, 'no-such-app')), // foreign key violation
      orders.insertOrder(orderOf(302)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(countOrders(['M-300', 'M-301', 'M-302'])).toBe(2);
  });

  it('answers a retry in the same batch with the order the first request created', async () => {
    const first = orderOf(400);
    const retry = { ...orderOf(400), orderId: `${first.orderId.slice(0, -1)}9`, checkoutToken: 'token-retry' };
    const [a, b] = await Promise.all([orders.insertOrder(first), orders.insertOrder(retry)]);
    expect(a).toEqual({ inserted: true, order: first });
    expect(b).toEqual({ inserted: false, order: first });
    expect(countOrders(['M-400'])).toBe(1);
  });

  it('rejects every write of a batch whose COMMIT fails, and writes none of them', async () => {
    // A deferred foreign key is checked at COMMIT: one orphan row makes the whole commit fail.
    sqliteHandle.exec(`create table parents (id integer primary key);
      create table children (n integer primary key,
        parent_id integer not null references parents (id) deferrable initially deferred);
      insert into parents (id) values (1);`);
    const insert = sqliteHandle.prepare('insert into children (n, parent_id) values (?, ?)');
    const failing = createGroupCommit(kassaDb.db, sqliteHandle, (n: number) => {
      insert.run(n, n === 2 ? 404 : 1);
      return n;
    });
    const results = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect((reader.prepare('select count(*) as n from children').get() as { n: number }).n).toBe(0);
    // The connection is usable again afterwards.
    expect(await failing.submit(3)).toBe(3);
    expect((await orders.insertOrder(orderOf(502))).inserted).toBe(true);
  });
});
