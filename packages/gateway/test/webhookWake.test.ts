// Guards against a webhook that waits for the next poll although its row has committed, a wake that
// comes before the commit (the dispatcher finds nothing), wakes lost between processes or after a
// dropped listening connection, a burst of commits reading the queue once each, and a wake that
// retries a delivery before its time.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../src/adapters/crypto/createSecretBox.ts';
import type { KassaDb } from '../src/adapters/db/createDb.ts';
import { createStore } from '../src/adapters/db/createStore.ts';
import { dueDeliveriesListenerName } from '../src/adapters/db/dialect/listenForPostgresDueDeliveries.ts';
import { createWebhookSender } from '../src/adapters/webhooks/createWebhookSender.ts';
import { createApp } from '../src/app/createApp.ts';
import type { KassaConfig } from '../src/config/KassaConfig.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import type { App } from '../src/core/App.ts';
import type { DeliveryStore, Store } from '../src/core/ports.ts';
import { MIN_WOKEN_SCAN_SPACING_MS } from '../src/workers/dispatcher/runDispatchLoop.ts';
import { startWebhookDispatcher } from '../src/workers/startWebhookDispatcher.ts';
import { buildPaidOrder } from './support/buildPaidOrder.ts';
import { createSequentialIds } from './support/createSequentialIds.ts';
import { createTestClock, type TestClock } from './support/createTestClock.ts';
import { enqueuePaidOrderWebhooks } from './support/enqueuePaidOrderWebhooks.ts';
import { openTestStore, type TestStore } from './support/openTestStore.ts';
import { reconnectTestStore } from './support/reconnectTestStore.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/startWebhookReceiver.ts';
import { testDatabases } from './support/testDatabases.ts';

// Far longer than any test waits: a delivery that arrives came from a wake, not from a poll.
const LONG_POLL_MS = 60_000;
// Generous for a loaded CI machine, and still 100 times shorter than the poll interval.
const WOKEN_WITHIN_MS = 600;

describe.each(testDatabases())('webhook wake-ups on $kind', (database) => {
  let t: TestStore;
  let app: App;
  let clock: TestClock;
  let receiver: WebhookReceiver;
  let config: KassaConfig;
  const ids = createSequentialIds();
  let seeded = 0;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    t = await openTestStore(database);
    clock = createTestClock();
    const created = await createApp({ store: t.store, clock, ids }, { name: 'Shop', webhookUrl: null });
    app = (await t.store.apps.findApp(created.appId)) as App;
    receiver = await startWebhookReceiver((path) =>
      path === '/500' ? { status: 500, body: 'boom' } : { status: 200, body: 'success' },
    );
    const base = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: t.dataDir, DATABASE_URL: t.url } });
    config = { ...base, webhooks: { ...base.webhooks, allowedCidrs: ['127.0.0.0/8'], timeoutMs: 2_000 } };
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await receiver.close();
    await t.dispose();
  });

  /** Commits one paid order's webhook through `store`, as recording a payment does. */
  const enqueue = async (path = '/hook', store: Store = t.store): Promise<void> => {
    const built = buildPaidOrder({
      n: ++seeded,
      appId: app.appId,
      nowMs: clock.now(),
      notifyUrl: receiver.baseUrl + path,
    });
    await store.transaction((tx) => enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids }));
  };

  /** Starts a dispatcher on `store`; it is stopped after the test. */
  const startDispatcher = (p: { store?: Store; pollIntervalMs?: number; wakeOnCommit?: boolean } = {}) => {
    const controller = new AbortController();
    const done = startWebhookDispatcher(
      { config, store: p.store ?? t.store, clock, webhookSender: createWebhookSender(config.webhooks) },
      {
        signal: controller.signal,
        owner: `wake-test-${cleanups.length}`,
        pollIntervalMs: p.pollIntervalMs ?? LONG_POLL_MS,
        ...(p.wakeOnCommit === undefined ? {} : { wakeOnCommit: p.wakeOnCommit }),
      },
    );
    cleanups.push(async () => {
      controller.abort();
      await done;
    });
  };

  /** A second store on its own connection pool, as another process has; closed after the test. */
  const openOtherStore = (): { kassaDb: KassaDb; store: Store } => {
    const kassaDb = reconnectTestStore(t);
    cleanups.push(() => kassaDb.close());
    return { kassaDb, store: createStore(kassaDb, createSecretBox(t.masterKey)) };
  };

  /** Resolves with the milliseconds it took the receiver to hold `count` requests. */
  const receivedWithin = async (count: number, timeoutMs = 10_000): Promise<number> => {
    const startedAt = performance.now();
    while (receiver.received.length < count) {
      if (performance.now() - startedAt > timeoutMs) {
        const unsent = (await t.store.deliveries.listDeliveries({ limit: 10_000 })).filter(
          (d) => d.state !== 'delivered',
        );
        throw new Error(
          `${receiver.received.length}/${count} received; unsent: ${JSON.stringify(unsent.map(({ body, ...d }) => d))}`,
        );
      }
      await sleep(2);
    }
    return performance.now() - startedAt;
  };

  it('sends a delivery committed while the dispatcher idles at once, not at its next poll', async () => {
    startDispatcher();
    // Past the first scan, which a dispatcher makes when it starts.
    await sleep(100);
    for (let n = 1; n <= 3; n++) {
      await enqueue();
      expect(await receivedWithin(n)).toBeLessThan(WOKEN_WITHIN_MS);
    }
  });

  it('wakes after the commit, never before it: the woken reader finds the row', async () => {
    const other = openOtherStore();
    const seen: number[] = [];
    const isWokenBeforeCommit: boolean[] = [];
    let isCommitted = false;
    let isArmed = false;
    const unsubscribe = t.store.deliveryWakeups.subscribe(() => {
      if (!isArmed) return;
      isWokenBeforeCommit.push(!isCommitted);
      // Read through another connection: it sees committed rows only.
      void other.store.deliveries.listDeliveries({ limit: 10 }).then((rows) => seen.push(rows.length));
    });
    cleanups.push(unsubscribe);
    // On PostgreSQL the listener wakes everyone once it listens (words sent before were missed).
    await sleep(300);
    isArmed = true;
    const built = buildPaidOrder({
      n: ++seeded,
      appId: app.appId,
      nowMs: clock.now(),
      notifyUrl: `${receiver.baseUrl}/hook`,
    });
    await t.store.transaction(async (tx) => {
      await enqueuePaidOrderWebhooks(tx, { app, built, nowMs: clock.now(), ids });
      await sleep(50);
      isCommitted = true;
    });
    await waitUntil(() => seen.length > 0);
    expect(isWokenBeforeCommit).toEqual([false]);
    expect(seen).toEqual([1]);
    // A transaction that rolls back wakes nobody.
    await expect(
      t.store.transaction(async (tx) => {
        await enqueuePaidOrderWebhooks(tx, {
          app,
          built: { ...built, payment: { ...built.payment, recordId: 'REC-rolled-back' } },
          nowMs: clock.now(),
          ids,
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await sleep(100);
    expect(seen).toEqual([1]);
  });

  it('sends a resend (a requeue outside any transaction) at once', async () => {
    startDispatcher();
    await enqueue();
    await receivedWithin(1);
    await waitUntilAsync(
      async () => (await t.store.deliveries.listDeliveries({ states: ['delivered'], limit: 1 })).length === 1,
    );
    const [delivery] = await t.store.deliveries.listDeliveries({ limit: 1 });
    expect(await t.store.deliveries.requeueDelivery(delivery?.deliveryId ?? '', clock.now())).toBe(true);
    expect(await receivedWithin(2)).toBeLessThan(WOKEN_WITHIN_MS);
  });

  it('still sends by polling what no wake announced: committed before the start, or with wake-ups off', async () => {
    await enqueue();
    startDispatcher({ pollIntervalMs: 300, wakeOnCommit: false });
    await receivedWithin(1);
    await sleep(100);
    await enqueue();
    // No wake: the next poll, up to 300 ms later, sends it.
    await receivedWithin(2, 2_000);
  });

  it('does not retry early: a wake sends what is due and leaves a scheduled retry for its time', async () => {
    startDispatcher();
    await enqueue('/500');
    await receivedWithin(1);
    await waitUntilAsync(async () => (await t.store.deliveries.listDeliveries({ limit: 1 }))[0]?.attempts === 1);
    await enqueue('/hook');
    await receivedWithin(2);
    await sleep(100);
    expect(receiver.received.map((r) => r.path)).toEqual(['/500', '/hook']);
  });

  it('reads the queue far fewer times than a burst of commits wakes it', async () => {
    let reads = 0;
    const counting = (deliveries: DeliveryStore): DeliveryStore => ({
      ...deliveries,
      listDueDeliveries: (p) => {
        reads++;
        return deliveries.listDueDeliveries(p);
      },
    });
    // Attempts only wait for the loopback receiver here: a slow answer under load is not the point.
    config = { ...config, webhooks: { ...config.webhooks, timeoutMs: 30_000 } };
    startDispatcher({ store: { ...t.store, deliveries: counting(t.store.deliveries) } });
    await sleep(100);
    reads = 0;
    const commits = database.kind === 'sqlite' ? 1_000 : 500;
    // Eight writers at once, each letting I/O run between its commits as request handlers do.
    let next = 0;
    const burstStartedAt = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next++ < commits) {
          await enqueue();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const burstMs = performance.now() - burstStartedAt;
    const readsDuringBurst = reads;
    await receivedWithin(commits, 60_000);
    // Commits slower than the spacing each get their read (that is the point of waking); faster
    // ones share: never more than one woken scan per spacing, whatever the number of commits.
    // Counted over the burst only: draining the queue afterwards takes polls of its own, as many as
    // a slow machine needs. The margin covers the drain reads a full batch triggers during the
    // burst, more of them when a loaded CI machine (other suites' anvils and browsers) slows it.
    expect(readsDuringBurst).toBeGreaterThan(0);
    expect(readsDuringBurst).toBeLessThanOrEqual(Math.ceil(burstMs / MIN_WOKEN_SCAN_SPACING_MS) + 40);
    expect(reads).toBeLessThan(commits);
  }, 120_000);

  const onPostgresOnly = it.skipIf(database.kind !== 'postgres');

  /** The backend pids of the dispatcher's listening connections to this schema. */
  const listenerPids = async (): Promise<number[]> => {
    const { rows } = await sql<{
      pid: number;
    }>`select pid from pg_stat_activity where application_name = ${dueDeliveriesListenerName(t.pgSchema)}`.execute(
      t.kassaDb.db,
    );
    return rows.map((row) => row.pid);
  };

  onPostgresOnly('wakes a dispatcher in another process: NOTIFY from the commit of another store', async () => {
    const other = openOtherStore();
    startDispatcher({ store: other.store });
    await waitUntilAsync(async () => (await listenerPids()).length === 1);
    for (let n = 1; n <= 3; n++) {
      await enqueue();
      expect(await receivedWithin(n)).toBeLessThan(WOKEN_WITHIN_MS);
    }
  });

  onPostgresOnly(
    'reconnects a killed listener, and what was committed while it was away still goes at once',
    async () => {
      const other = openOtherStore();
      startDispatcher({ store: other.store });
      await waitUntilAsync(async () => (await listenerPids()).length === 1);
      const [killed] = await listenerPids();
      await sql`select pg_terminate_backend(${killed})`.execute(t.kassaDb.db);
      // Committed while no one listens: the notification is lost, the reconnection makes up for it.
      await enqueue();
      expect(await receivedWithin(1, 3_000)).toBeLessThan(3_000);
      await waitUntilAsync(async () => {
        const pids = await listenerPids();
        return pids.length === 1 && pids[0] !== killed;
      });
      await enqueue();
      expect(await receivedWithin(2)).toBeLessThan(WOKEN_WITHIN_MS);
    },
  );

  onPostgresOnly('closes the listening connection when the dispatcher stops', async () => {
    startDispatcher();
    await waitUntilAsync(async () => (await listenerPids()).length === 1);
    for (const cleanup of cleanups.splice(0)) await cleanup();
    // The server's backend leaves pg_stat_activity a moment after the client hung up.
    await waitUntilAsync(async () => (await listenerPids()).length === 0);
    expect(await listenerPids()).toEqual([]);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

async function waitUntilAsync(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
