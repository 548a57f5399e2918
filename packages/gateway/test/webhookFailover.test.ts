// Risk: a crashed or stopping dispatcher keeps its deliveries from the other one for a whole lease, sends none of them, or leaves no trace of an attempt it died in.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DispatcherDatabase, setUpDispatcherDatabase } from './support/setUpDispatcherDatabase.ts';
import { type DispatcherProcess, spawnDispatcherProcess } from './support/spawnDispatcherProcess.ts';
import { type ReceiverAnswer, startWebhookReceiver, type WebhookReceiver } from './support/startWebhookReceiver.ts';
import { testDatabases } from './support/testDatabases.ts';

// The dispatcher's default waiting lease: what a dead one's unstarted deliveries wait at most.
const WAITING_LEASE_MS = 5_000;
// What a loaded CI machine adds to a handover (signal, release, the other's wake-up and request);
// still below the 3.75–5 s after which a waiting lease would run out by itself.
const SLACK_MS = 3_000;

type Receipts = { readonly receiver: WebhookReceiver; readonly timesByRecord: Map<string, number[]> };

/** A merchant endpoint that notes when each record's webhooks arrive. */
async function startTimedReceiver(answer: () => ReceiverAnswer): Promise<Receipts> {
  const timesByRecord = new Map<string, number[]>();
  const receiver = await startWebhookReceiver((_path, rawBody) => {
    const { record_id: recordId } = JSON.parse(rawBody.toString('utf8')) as { record_id: string };
    timesByRecord.set(recordId, [...(timesByRecord.get(recordId) ?? []), Date.now()]);
    return answer();
  });
  return { receiver, timesByRecord };
}

type Held = { readonly recordId: string; readonly deliveryId: string; readonly isSending: boolean };

/** The pending deliveries `owner` leases, and whether each has an attempt row being sent. */
async function readHeld(setup: DispatcherDatabase, owner: string): Promise<Held[]> {
  const { rows } = await sql<{ record_id: string; delivery_id: string; sending: number | string }>`
    select d.record_id, d.delivery_id,
      (select count(*) from delivery_attempts a where a.delivery_id = d.delivery_id and a.state = 'sending') as sending
    from deliveries d where d.state = 'pending' and d.lease_owner = ${owner}`.execute(setup.kassaDb.db);
  return rows.map((r) => ({ recordId: r.record_id, deliveryId: r.delivery_id, isSending: Number(r.sending) > 0 }));
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function isAllDelivered(setup: DispatcherDatabase): Promise<boolean> {
  const left = await setup.kassaDb.db.selectFrom('deliveries').select('delivery_id').where('state', '!=', 'delivered');
  return (await left.execute()).length === 0;
}

/** Each attempt of the delivery, oldest first, as state and status. */
async function attemptsOf(setup: DispatcherDatabase, deliveryId: string) {
  const attempts = await setup.store.deliveries.listAttempts(deliveryId);
  return attempts.map((a) => ({ state: a.state, statusCode: a.statusCode, delivered: a.delivered, error: a.error }));
}

describe.each(testDatabases().filter((d) => d.kind === 'postgres'))(
  'webhook dispatcher failover ($kind)',
  (database) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const spawn = (setup: DispatcherDatabase, owner: string): DispatcherProcess => {
      const p = spawnDispatcherProcess({ ...setup.env, FIXTURE_OWNER: owner });
      cleanups.push(async () => {
        if (p.child.exitCode === null && p.child.signalCode === null) await p.kill();
      });
      return p;
    };

    it('hands a killed dispatcher’s unstarted deliveries to the other within its waiting lease; the interrupted ones show it', async () => {
      const { receiver, timesByRecord } = await startTimedReceiver(() => ({
        status: 200,
        body: 'success',
        delayMs: 1_000,
      }));
      cleanups.push(() => receiver.close());
      const setup = await setUpDispatcherDatabase(database, `${receiver.baseUrl}/hook`, {
        webhooks: { perEndpointConcurrency: 4, timeoutMs: 3_000 },
      });
      cleanups.push(() => setup.dispose());
      const [first, second] = [spawn(setup, 'first'), spawn(setup, 'second')];
      await Promise.all([first.ready, second.ready]);
      const recordIds = await setup.enqueueBurst(24, 1);
      await waitFor(
        async () => {
          const held = await readHeld(setup, 'first');
          return held.some((h) => h.isSending && timesByRecord.has(h.recordId)) && held.some((h) => !h.isSending);
        },
        10_000,
        'the first dispatcher to hold attempts in flight and waiting',
      );
      await first.kill();
      const killedAt = Date.now();
      // A COMMIT it sent just before dying may still be processed: let the server finish with it, then
      // nothing of the first writes any more and this is exactly what it left behind.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const held = await readHeld(setup, 'first');
      const [inFlight, unstarted] = [held.filter((h) => h.isSending), held.filter((h) => !h.isSending)];
      // A row is written `sending` just before its request leaves: one may not have arrived yet.
      const arrived = new Set(inFlight.filter((h) => timesByRecord.has(h.recordId)).map((h) => h.recordId));
      expect(arrived.size).toBeGreaterThan(0);
      expect(inFlight.length).toBeGreaterThan(0);
      expect(unstarted.length).toBeGreaterThan(0);

      await waitFor(() => isAllDelivered(setup), 30_000, 'every delivery to be delivered');
      await second.stop();

      expect(new Set(timesByRecord.keys())).toEqual(new Set(recordIds));
      for (const { recordId, deliveryId } of unstarted) {
        // Never sent by the dead one, sent once by the other within the waiting lease, not after 80 s.
        const times = timesByRecord.get(recordId) ?? [];
        expect(times).toHaveLength(1);
        expect((times[0] ?? 0) - killedAt).toBeLessThan(WAITING_LEASE_MS + SLACK_MS);
        expect(await attemptsOf(setup, deliveryId)).toEqual([
          { state: 'finished', statusCode: 200, delivered: true, error: null },
        ]);
      }
      for (const { recordId, deliveryId } of inFlight) {
        // Sent when it died (unless the kill came between the row's `sending` and the request leaving),
        // then once more once the attempt's lease (timeoutMs + waiting lease) ran out.
        expect(timesByRecord.get(recordId)).toHaveLength(arrived.has(recordId) ? 2 : 1);
        expect(await attemptsOf(setup, deliveryId)).toEqual([
          { state: 'interrupted', statusCode: null, delivered: false, error: null },
          { state: 'finished', statusCode: 200, delivered: true, error: null },
        ]);
        expect((await setup.store.deliveries.findDelivery(deliveryId))?.attempts).toBe(2);
      }
      const duplicated = [...timesByRecord].filter(([, times]) => times.length > 1).map(([id]) => id);
      expect(new Set(duplicated)).toEqual(arrived);
    }, 60_000);

    it('stops a dispatcher whose endpoint hangs within the default grace period; the other sends what it held', async () => {
      let isHanging = true;
      const { receiver, timesByRecord } = await startTimedReceiver(() =>
        isHanging ? 'hang' : { status: 200, body: 'success' },
      );
      cleanups.push(() => receiver.close());
      // The default grace (10 s) and an attempt timeout past it: an attempt in flight would outlast
      // the grace. (With the default 10 s timeout the hanging attempts could time out by themselves
      // before the stop's cut when a loaded machine is slow to start the second dispatcher, and a
      // timed-out attempt waits for the retry schedule, not the other dispatcher.)
      const setup = await setUpDispatcherDatabase(database, `${receiver.baseUrl}/hook`, {
        webhooks: { perEndpointConcurrency: 3, timeoutMs: 30_000 },
      });
      cleanups.push(() => setup.dispose());
      const first = spawn(setup, 'first');
      await first.ready;
      const recordIds = await setup.enqueueBurst(12, 1);
      await waitFor(
        async () => {
          const held = await readHeld(setup, 'first');
          return held.filter((h) => h.isSending).length === 3 && held.length === 6 && receiver.received.length === 3;
        },
        10_000,
        'three attempts hanging and three waiting behind them',
      );
      const held = await readHeld(setup, 'first');
      isHanging = false;
      const second = spawn(setup, 'second');
      await second.ready;

      const signalledAt = Date.now();
      const stopped = first.stop();
      await waitFor(
        () => held.every((h) => timesByRecord.has(h.recordId) || h.isSending),
        10_000,
        'the handed-back ones',
      );
      const handedBackAt = Date.now();
      await stopped;
      const stopMs = Date.now() - signalledAt;
      expect(first.child.exitCode).toBe(0);
      await waitFor(() => isAllDelivered(setup), 15_000, 'every delivery to be delivered');
      await second.stop();

      // The waiting ones went back at once; the hanging ones were cut before the grace ran out.
      expect(handedBackAt - signalledAt).toBeLessThan(SLACK_MS);
      expect(stopMs).toBeLessThan(10_000);
      expect(new Set(timesByRecord.keys())).toEqual(new Set(recordIds));
      for (const { recordId, deliveryId, isSending } of held) {
        expect(timesByRecord.get(recordId)).toHaveLength(isSending ? 2 : 1);
        const cut = { state: 'interrupted', statusCode: null, delivered: false, error: 'cut short before an answer' };
        const sent = { state: 'finished', statusCode: 200, delivered: true, error: null };
        expect(await attemptsOf(setup, deliveryId)).toEqual(isSending ? [cut, sent] : [sent]);
      }
    }, 60_000);
  },
);
