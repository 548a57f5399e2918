// Guards against an expirer that never runs, stops after an error, or does not stop when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequentialIds } from '../../test/support/createSequentialIds.ts';
import { createTestClock } from '../../test/support/createTestClock.ts';
import { openTestStore, type TestStore } from '../../test/support/openTestStore.ts';
import { seedWatchedOrder } from '../../test/support/seedWatchedOrder.ts';
import { SYNTHETIC_NETWORK } from '../../test/support/syntheticNetwork.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import { createApp } from '../app/createApp.ts';
import type { App } from '../core/App.ts';
import { toOrderWireStatus } from '../protocol/toOrderWireStatus.ts';
import { startOrderExpirer } from './startOrderExpirer.ts';

describe.each(testDatabases())('startOrderExpirer ($kind)', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(database);
  });
  afterAll(async () => t.dispose());

  it('expires orders as their valid period ends, round after round, and resolves once aborted', async () => {
    const clock = createTestClock();
    const deps = { store: t.store, clock, ids: createSequentialIds(), networks: [SYNTHETIC_NETWORK] };
    const { appId } = await createApp(deps, { name: 'Shop', webhookUrl: null });
    const app = (await t.store.apps.findApp(appId)) as App;
    const first = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'a',
      priceUsd: '1',
      symbols: [],
      validPeriodSeconds: 60,
    });
    const second = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'b',
      priceUsd: '1',
      symbols: [],
      validPeriodSeconds: 120,
    });
    const statusOf = async (orderId: string) => {
      const order = await t.store.orders.findOrder(orderId);
      return order === null ? undefined : toOrderWireStatus(order.status);
    };
    const waitFor = async (orderId: string, status: string) => {
      const deadlineMs = Date.now() + 5_000;
      while ((await statusOf(orderId)) !== status) {
        if (Date.now() > deadlineMs) throw new Error(`${orderId} did not become ${status}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    const controller = new AbortController();
    const running = startOrderExpirer(deps, { signal: controller.signal, intervalMs: 10 });
    clock.advance(60_000);
    await waitFor(first.order.orderId, 'Expired');
    expect(await statusOf(second.order.orderId)).toBe('Pending');
    clock.advance(60_000);
    await waitFor(second.order.orderId, 'Expired');
    controller.abort();
    await running;
  });
});
