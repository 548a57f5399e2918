// Risk: the checkout lists a payment that does not count (failed, still confirming) as received,
// loses its txid, or cannot tell which network's explorer a payment belongs to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../test/support/buildPaidOrder.ts';
import { createTestClock } from '../../test/support/createTestClock.ts';
import { insertTestApp, TEST_APP_ID } from '../../test/support/insertTestApp.ts';
import { openTestStore, type TestStore } from '../../test/support/openTestStore.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import { TRON_NETWORK } from '../adapters/http/checkout/tronCheckoutFixtures.ts';
import { createFixedRateSource } from '../adapters/rates/createFixedRateSource.ts';
import type { Payment } from '../core/Payment.ts';
import { type GetCheckoutStateDeps, getCheckoutState } from './getCheckoutState.ts';

const txid = (digit: string) => `0x${digit.repeat(64)}`;

describe.each(testDatabases())('getCheckoutState payments ($kind)', (database) => {
  let t: TestStore;
  let deps: GetCheckoutStateDeps;
  const clock = createTestClock();

  beforeAll(async () => {
    t = await openTestStore(database);
    await insertTestApp(t.store, clock.now());
    deps = {
      store: t.store,
      clock,
      networks: [TRON_NETWORK],
      rateSource: createFixedRateSource({ prices: {}, now: clock.now }),
      quoteLifetimes: { defaultSeconds: 1_800, bySymbol: {} },
    };
  });
  afterAll(async () => t.dispose());

  it('lists the payments that count oldest first, and those still confirming, each with its txid and network', async () => {
    const nowMs = clock.now();
    const { order, quote, payment } = buildPaidOrder({ n: 1, appId: TEST_APP_ID, nowMs });
    await t.store.orders.insertOrder(order);
    const { quoteId: _unused, ...newQuote } = quote;
    const stored = await t.store.quotes.insertQuote({ ...newQuote, networkKey: 'TRON' });
    const pay = (n: number, digit: string, extra: Partial<Payment>) =>
      t.store.payments.insertPayment({
        ...payment,
        recordId: `${payment.recordId.slice(0, -2)}${n}0`,
        quoteId: stored.quoteId,
        networkKey: 'TRON',
        txid: txid(digit),
        amount: BigInt(n) * 1_000_000n,
        ...extra,
      });
    await pay(1, 'a', { confirmedAtMs: nowMs + 2_000 });
    await pay(2, 'b', { confirmedAtMs: nowMs + 1_000 });
    await pay(3, 'c', { status: 'processing', confirmedAtMs: null });
    await pay(4, 'd', { status: 'failed', confirmedAtMs: null, failedAtMs: nowMs });

    const state = await getCheckoutState(deps, { checkoutToken: order.checkoutToken });

    const common = { network: TRON_NETWORK, symbol: 'USDT', decimals: 6 };
    expect(state?.recordedPayments).toEqual([
      { txid: txid('b'), amount: 2_000_000n, ...common },
      { txid: txid('a'), amount: 1_000_000n, ...common },
    ]);
    expect(state?.pendingPayments).toEqual([
      { txid: txid('c'), amount: 3_000_000n, ...common, confirmations: 0, requiredConfirmations: 19 },
    ]);
  });
});
