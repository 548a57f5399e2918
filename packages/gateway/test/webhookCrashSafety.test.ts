// Guards against webhooks lost when the dispatcher process dies mid-delivery (kill -9), and against two dispatchers sending one attempt twice.
import { afterEach, describe, expect, it } from 'vitest';
import { setUpDispatcherDatabase } from './support/setUpDispatcherDatabase.ts';
import { type DispatcherProcess, spawnDispatcherProcess } from './support/spawnDispatcherProcess.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/startWebhookReceiver.ts';
import { testDatabases } from './support/testDatabases.ts';

function receivedRecordIds(receiver: WebhookReceiver): string[] {
  return receiver.received.map((r) => (JSON.parse(r.rawBody.toString('utf8')) as { record_id: string }).record_id);
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDatabases())('webhook delivery across process crashes ($kind)', (database) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loses nothing when the dispatcher is killed with deliveries in flight; only those are sent twice', async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 200, body: 'success', delayMs: 15 }));
    cleanups.push(() => receiver.close());
    const setup = await setUpDispatcherDatabase(database, `${receiver.baseUrl}/hook`, {
      webhooks: { perEndpointConcurrency: 8 },
    });
    cleanups.push(() => setup.dispose());
    const recordIds = await setup.enqueueBurst(240, 1);

    const first = spawnDispatcherProcess({ ...setup.env, FIXTURE_OWNER: 'first', FIXTURE_LEASE_MS: '1500' });
    let second: DispatcherProcess | null = null;
    cleanups.push(async () => {
      if (first.child.exitCode === null) await first.kill();
      if (second !== null && second.child.exitCode === null) await second.kill();
    });
    await first.ready;
    await waitFor(() => receiver.received.length >= 80, 20_000, 'the first deliveries');
    await first.kill();

    // Nothing writes now: this is exactly what the killed process left behind.
    const leftInFlight = await setup.kassaDb.db
      .selectFrom('deliveries')
      .select('record_id')
      .where('state', '=', 'pending')
      .where('lease_owner', '=', 'first')
      .execute();
    const inFlight = new Set(leftInFlight.map((r) => r.record_id));
    expect(inFlight.size).toBeGreaterThan(0);
    expect(receiver.received.length).toBeLessThan(240);

    second = spawnDispatcherProcess({ ...setup.env, FIXTURE_OWNER: 'second', FIXTURE_LEASE_MS: '1500' });
    await second.ready;
    await waitFor(
      async () =>
        (
          await setup.kassaDb.db
            .selectFrom('deliveries')
            .select('delivery_id')
            .where('state', '!=', 'delivered')
            .execute()
        ).length === 0,
      30_000,
      'every delivery to be delivered',
    );
    await second.stop();

    const received = receivedRecordIds(receiver);
    expect(new Set(received)).toEqual(new Set(recordIds));
    const counts = new Map<string, number>();
    for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicated = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
    for (const id of duplicated) expect(inFlight).toContain(id);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // A retry after the crash shows as one: each twice-sent delivery lists its interrupted attempt
    // (the row written before the request left) and then the retry, and no attempt is left sending.
    const attempts = await setup.kassaDb.db
      .selectFrom('delivery_attempts')
      .innerJoin('deliveries', 'deliveries.delivery_id', 'delivery_attempts.delivery_id')
      .select(['deliveries.record_id', 'delivery_attempts.state', 'delivery_attempts.delivered'])
      .orderBy('delivery_attempts.attempt_id')
      .execute();
    expect(attempts.filter((a) => a.state === 'sending')).toEqual([]);
    for (const id of duplicated) {
      const states = attempts.filter((a) => a.record_id === id).map((a) => [a.state, Number(a.delivered)]);
      expect(states).toEqual([
        ['interrupted', 0],
        ['finished', 1],
      ]);
    }
  }, 90_000);

  it.runIf(database.kind === 'postgres')(
    'lets two dispatcher processes share the queue without sending any attempt twice',
    async () => {
      const receiver = await startWebhookReceiver(() => ({ status: 200, body: 'success', delayMs: 2 }));
      cleanups.push(() => receiver.close());
      const setup = await setUpDispatcherDatabase(database, `${receiver.baseUrl}/hook`, {
        webhooks: { perEndpointConcurrency: 16 },
      });
      cleanups.push(() => setup.dispose());
      const processes = ['a', 'b'].map((owner) => spawnDispatcherProcess({ ...setup.env, FIXTURE_OWNER: owner }));
      cleanups.push(async () => {
        for (const p of processes) if (p.child.exitCode === null) await p.kill();
      });
      await Promise.all(processes.map((p) => p.ready));

      const recordIds = await setup.enqueueBurst(400, 1);
      await waitFor(() => receiver.received.length >= 400, 30_000, 'all deliveries');
      // A moment for a double delivery, if there were one, to arrive too.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const leased = await Promise.all(processes.map((p) => p.stop()));

      const received = receivedRecordIds(receiver);
      expect(received).toHaveLength(400);
      expect(new Set(received)).toEqual(new Set(recordIds));
      expect(leased[0]).toBeGreaterThan(0);
      expect(leased[1]).toBeGreaterThan(0);
      expect((leased[0] ?? 0) + (leased[1] ?? 0)).toBe(400);
      const attempts = await setup.kassaDb.db.selectFrom('delivery_attempts').select('delivery_id').execute();
      expect(attempts).toHaveLength(400);
    },
    90_000,
  );
});
