// Risk: on-chain payments are missed, counted twice, counted for the wrong order or coin, or misclassified (spec §6) — through confirmations, expiry, reorgs and a watcher killed mid-range.

import type { OrderInfo } from '@kassa/sdk';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmChainReader } from '../src/adapters/chains/evm/createEvmChainReader.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
import type { ChainReader } from '../src/core/ChainReader.ts';
import type { Network } from '../src/core/network.ts';
import type { Quote } from '../src/core/Quote.ts';
import { startChainWatcher } from '../src/workers/startChainWatcher.ts';
import type { DevChain } from './fixtures/devChain.ts';
import type { Payer } from './support/createPayer.ts';
import { FAST_WATCHER_TUNING } from './support/fastWatcherTuning.ts';
import { startPayingDevChain } from './support/startPayingDevChain.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';
import { getOrderInfo, waitForOrderInfo } from './support/waitForOrderInfo.ts';

const CONFIRMATIONS = 3;
const USDT_UNIT = 1_000_000n;

let chain: DevChain;
let network: Network;
let payer: Payer;

beforeAll(async () => {
  // Three confirmations, so every payment is seen as Processing before it counts.
  ({ chain, network, payer } = await startPayingDevChain({ confirmations: CONFIRMATIONS }));
});
afterAll(async () => chain?.stop());

describe.each(testDatabases())('chain watcher end to end ($kind)', (database) => {
  let t: TestGateway;
  let stopWorkers: () => Promise<void>;

  const tokenIdOf = (symbol: string) => {
    const token = network.tokens.find((tk) => tk.symbol === symbol);
    if (token === undefined) throw new Error(`no ${symbol} on the dev network`);
    return token.tokenId;
  };

  /** A hosted order for `price` USD with `symbols` picked in turn (the last is the newest quote). */
  async function createOrder(id: string, price: string, symbols: readonly string[], validPeriodSeconds?: number) {
    await t.client.createCheckoutUrl({
      merchant_order_id: id,
      product_price: price,
      product_name: id,
      ...(validPeriodSeconds === undefined ? {} : { order_valid_period: validPeriodSeconds }),
    });
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, [id]);
    if (order === undefined) throw new Error(`order ${id} was not stored`);
    const quotes: Quote[] = [];
    for (const symbol of symbols) quotes.push(await selectCoin(t.gateway.deps, { order, tokenId: tokenIdOf(symbol) }));
    return { order, quotes };
  }

  const getInfo = (id: string) => getOrderInfo(t.client, id);
  const waitForInfo = (id: string, isDone: (info: OrderInfo) => boolean) =>
    waitForOrderInfo(t.client, id, isDone, 10_000);
  const hasTrades = (count: number) => (info: OrderInfo) => info.trade_list.length >= count;
  const hasStatus = (status: string) => (info: OrderInfo) => info.order_detail.status === status;

  /** Pays, waits until the watcher saw it, then mines the blocks that confirm it. */
  async function payAndConfirm(quote: Quote, amount: bigint, id: string, tradesBefore = 0) {
    // Time passes between payments (the trade list is in the order payments were seen).
    t.clock.advance(1_000);
    const sent =
      quote.contract === null
        ? await payer.payNative(quote.address, amount)
        : await payer.payToken(quote.contract as `0x${string}`, quote.address, amount);
    await waitForInfo(id, hasTrades(tradesBefore + 1));
    await payer.mine(CONFIRMATIONS - 1);
    return sent;
  }

  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [network],
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
      webhookUrl: 'http://127.0.0.1:9/kassa-webhook',
    });
    stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
  });
  afterAll(async () => {
    await stopWorkers?.();
    await t?.stop();
  });

  it('an exact payment is Processing until it has the confirmations, then Successful', async () => {
    const { quotes } = await createOrder('exact', '10', ['USDT']);
    const quote = quotes[0] as Quote;
    const sent = await payer.payToken(chain.tokens.USDT, quote.address, 10n * USDT_UNIT);
    const seen = await waitForInfo('exact', hasTrades(1));
    expect(seen.order_detail.status).toBe('Pending');
    expect(seen.trade_list).toMatchObject([{ status: 'Processing', amount: '10', txid: sent.hash, crypto: 'USDT' }]);

    await payer.mine(CONFIRMATIONS - 2);
    await new Promise((r) => setTimeout(r, 100));
    expect((await getInfo('exact')).trade_list[0]?.status).toBe('Processing');

    await payer.mine(1);
    const info = await waitForInfo('exact', hasStatus('Successful'));
    expect(info.order_detail).toMatchObject({ paid_amount: '10', order_amount: '10', crypto: 'USDT' });
    expect(info.trade_list).toMatchObject([
      { status: 'Successful', amount: '10', txid: sent.hash, to_address: quote.address, chain: 'DEV' },
    ]);
  });

  it('classifies under-, over- and two partial payments adding up to full', async () => {
    const under = await createOrder('under', '10', ['USDT']);
    const over = await createOrder('over', '10', ['USDT']);
    const split = await createOrder('split', '10', ['USDT']);
    await payAndConfirm(under.quotes[0] as Quote, 4n * USDT_UNIT, 'under');
    await payAndConfirm(over.quotes[0] as Quote, 12n * USDT_UNIT, 'over');
    await payAndConfirm(split.quotes[0] as Quote, 4n * USDT_UNIT, 'split');
    expect((await waitForInfo('under', hasStatus('Underpayment'))).order_detail.paid_amount).toBe('4');
    expect((await waitForInfo('over', hasStatus('Overpayment'))).order_detail.paid_amount).toBe('12');
    await waitForInfo('split', hasStatus('Underpayment'));
    await payAndConfirm(split.quotes[0] as Quote, 6n * USDT_UNIT, 'split', 1);
    const info = await waitForInfo('split', hasStatus('Successful'));
    expect(info.order_detail.paid_amount).toBe('10');
    expect(info.trade_list.map((trade) => trade.amount)).toEqual(['4', '6']);
  });

  it('payments confirmed after expiry give each "(Overdue)" row', async () => {
    const paid = await createOrder('late-paid', '10', ['USDT'], 60);
    const under = await createOrder('late-under', '10', ['USDT'], 60);
    const over = await createOrder('late-over', '10', ['USDT'], 60);
    t.clock.advance(60_000);
    expect((await getInfo('late-paid')).order_detail.status).toBe('Expired');
    await payAndConfirm(paid.quotes[0] as Quote, 10n * USDT_UNIT, 'late-paid');
    await payAndConfirm(under.quotes[0] as Quote, 4n * USDT_UNIT, 'late-under');
    await payAndConfirm(over.quotes[0] as Quote, 11n * USDT_UNIT, 'late-over');
    await waitForInfo('late-paid', hasStatus('Paid (Overdue)'));
    await waitForInfo('late-under', hasStatus('Underpayment (Overdue)'));
    await waitForInfo('late-over', hasStatus('Overpayment (Overdue)'));
  });

  it('records a native coin payment at the locked rate', async () => {
    const { quotes } = await createOrder('native', '10', ['ETH']);
    const quote = quotes[0] as Quote;
    expect(quote.amount).toBe(parseEther('0.005'));
    await payAndConfirm(quote, parseEther('0.005'), 'native');
    const info = await waitForInfo('native', hasStatus('Successful'));
    expect(info.order_detail).toMatchObject({ crypto: 'ETH', contract: String(network.chainId), paid_amount: '0.005' });
    expect(info.trade_list).toMatchObject([{ status: 'Successful', amount: '0.005', crypto: 'ETH' }]);
  });

  it("a payment to another order's address counts for that order only", async () => {
    const mine = await createOrder('mine', '10', ['USDT']);
    const other = await createOrder('other', '10', ['USDT']);
    expect(mine.quotes[0]?.address).not.toBe(other.quotes[0]?.address);
    await payAndConfirm(other.quotes[0] as Quote, 10n * USDT_UNIT, 'other');
    await waitForInfo('other', hasStatus('Successful'));
    const info = await getInfo('mine');
    expect(info.order_detail.status).toBe('Pending');
    expect(info.trade_list).toEqual([]);
  });

  it('one address per network and order: a payment counts for the newest quote in the coin sent, by its USD value', async () => {
    const { order, quotes } = await createOrder('switched', '10', ['USDT', 'USDC', 'USDT']);
    const [, usdcQuote, usdtQuote] = quotes as [Quote, Quote, Quote];
    expect(new Set(quotes.map((q) => q.address))).toEqual(new Set([usdtQuote.address]));
    // Ether into the address: the order has no ether quote, so it pays none.
    await payer.payNative(usdtQuote.address, parseEther('0.01'));
    await payer.mine(CONFIRMATIONS);
    const ignored = await getInfoAfterWatcherCaughtUp('switched');
    expect(ignored.order_detail.status).toBe('Pending');
    expect(ignored.trade_list).toEqual([]);

    await payAndConfirm(usdcQuote, 4n * USDT_UNIT, 'switched');
    await payAndConfirm(usdtQuote, 6n * USDT_UNIT, 'switched', 1);
    const info = await waitForInfo('switched', hasStatus('Successful'));
    expect(info.order_detail).toMatchObject({ crypto: 'USDT', contract: usdtQuote.contract, paid_amount: '10' });
    expect(info.trade_list).toMatchObject([
      { crypto: 'USDC', contract: usdcQuote.contract, amount: '4', status: 'Successful' },
      { crypto: 'USDT', contract: usdtQuote.contract, amount: '6', status: 'Successful' },
    ]);
    const payments = await t.gateway.deps.store.payments.listPaymentsForOrders([order.orderId]);
    expect(payments.map((p) => p.quoteId)).toEqual([usdcQuote.quoteId, usdtQuote.quoteId]);
  });

  /** Waits until the watcher's cursor passed the current head, then reads bill/info. */
  async function getInfoAfterWatcherCaughtUp(id: string) {
    const head = await payer.getBlockNumber();
    const deadlineMs = Date.now() + 10_000;
    while (((await t.gateway.deps.store.chain.findCursor(network.key)) ?? 0n) <= head) {
      if (Date.now() > deadlineMs) throw new Error('watcher did not catch up');
      await new Promise((r) => setTimeout(r, 20));
    }
    return getInfo(id);
  }

  it('a reorg that removes a confirmed payment fails it and the order status goes back', async () => {
    const { quotes } = await createOrder('reorged', '10', ['USDT']);
    await payAndConfirm(quotes[0] as Quote, 10n * USDT_UNIT, 'reorged');
    const paid = await waitForInfo('reorged', hasStatus('Successful'));
    const recordId = paid.trade_list[0]?.record_id;

    // The payment's block and the two confirming ones are replaced by empty blocks: the chain
    // is as long as before, so only the changed hash at the head's height shows the reorg.
    await payer.reorg(CONFIRMATIONS);
    const info = await waitForInfo('reorged', hasStatus('Pending'));
    expect(info.trade_list).toMatchObject([{ record_id: recordId, status: 'Failed' }]);
    const deliveries = await t.gateway.deps.store.deliveries.listDeliveries({ limit: 1000 });
    const events = deliveries.filter((d) => d.recordId === recordId).map((d) => d.event);
    expect(events.sort()).toEqual(['failed', 'success']);
  });

  it('a payment mined again on the new fork is a new record that counts', async () => {
    const { quotes } = await createOrder('remined', '10', ['USDT']);
    const sent = await payAndConfirm(quotes[0] as Quote, 10n * USDT_UNIT, 'remined');
    await waitForInfo('remined', hasStatus('Successful'));
    const raw = await payer.getRawTransaction(sent.hash);

    // Same transaction, one block later on the new fork.
    t.clock.advance(1_000);
    await payer.reorg(CONFIRMATIONS, [[raw, 1]]);
    await payer.mine(CONFIRMATIONS);
    const info = await waitForInfo(
      'remined',
      (i) => i.trade_list.length === 2 && i.trade_list.every((trade) => trade.status !== 'Processing'),
    );
    expect(info.order_detail.status).toBe('Successful');
    expect(info.trade_list.map((trade) => [trade.txid, trade.status])).toEqual([
      [sent.hash, 'Failed'],
      [sent.hash, 'Successful'],
    ]);
    expect(info.trade_list[0]?.record_id).not.toBe(info.trade_list[1]?.record_id);
  });

  it('a watcher killed in the middle of a range resumes: nothing missed, nothing twice', async () => {
    await stopWorkers();
    const orders = [];
    for (const id of ['kill-1', 'kill-2', 'kill-3', 'kill-4']) orders.push(await createOrder(id, '10', ['USDT']));
    for (const { quotes } of orders) {
      const quote = quotes[0] as Quote;
      // Two transfers per order, in separate blocks, while no watcher runs.
      await payer.payToken(chain.tokens.USDT, quote.address, 5n * USDT_UNIT);
      await payer.payToken(chain.tokens.USDT, quote.address, 5n * USDT_UNIT);
    }
    await payer.mine(CONFIRMATIONS);

    // Killed while scanning its third range; the first two are committed.
    const controller = new AbortController();
    const reader = createEvmChainReader(network);
    let scans = 0;
    const killing: ChainReader = {
      ...reader,
      scanBlockRange: async (range) => {
        scans += 1;
        if (scans === 3) controller.abort();
        return reader.scanBlockRange(range);
      },
    };
    await startChainWatcher(t.gateway.deps, {
      network,
      chain: killing,
      signal: controller.signal,
      maxBlocksPerRange: 2,
      ...FAST_WATCHER_TUNING,
    });
    const partial = await t.client.getOrders(['kill-1', 'kill-2', 'kill-3', 'kill-4']);
    const partialTrades = partial.flatMap((info) => info.trade_list);
    expect(partialTrades.length).toBeGreaterThan(0);
    expect(partialTrades.length).toBeLessThan(8);

    stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
    for (const id of ['kill-1', 'kill-2', 'kill-3', 'kill-4']) {
      const info = await waitForInfo(id, hasStatus('Successful'));
      expect(info.trade_list).toHaveLength(2);
      expect(new Set(info.trade_list.map((trade) => trade.txid)).size).toBe(2);
    }
  });

  it('one watcher scans a network; a standby takes over when it stops', async () => {
    await stopWorkers();
    const { dialect } = t.gateway.kassaDb;
    // Two sessions on PostgreSQL, as two processes would hold; SQLite serves one process.
    const firstLock = dialect.createLeaderLock({ retryMs: 20 });
    const secondLock = dialect.name === 'postgres' ? dialect.createLeaderLock({ retryMs: 20 }) : firstLock;
    const committed = { first: 0, second: 0 };
    const start = (name: 'first' | 'second', lock: typeof firstLock, signal: AbortSignal) =>
      startChainWatcher(t.gateway.deps, {
        network,
        chain: createEvmChainReader(network),
        signal,
        lock,
        onRangeCommitted: () => {
          committed[name] += 1;
        },
        ...FAST_WATCHER_TUNING,
      });
    const payOrder = async (id: string) => {
      const { quotes } = await createOrder(id, '10', ['USDT']);
      await payAndConfirm(quotes[0] as Quote, 10n * USDT_UNIT, id);
      await waitForInfo(id, hasStatus('Successful'));
    };
    const first = new AbortController();
    const second = new AbortController();
    const firstRun = start('first', firstLock, first.signal);
    await payOrder('standby-1');
    expect(committed.first).toBeGreaterThan(0);

    const secondRun = start('second', secondLock, second.signal);
    await payOrder('standby-2');
    expect(committed.second).toBe(0);

    first.abort();
    await firstRun;
    await payOrder('standby-3');
    expect(committed.second).toBeGreaterThan(0);
    second.abort();
    await secondRun;
  });
});
