// Risk: a reorg deeper than the kept block hashes leaves a vanished payment counted (`success`) for good, or flips a payment that is already final.
import type { OrderInfo } from '@kassa/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmChainReader } from '../src/adapters/chains/evm/createEvmChainReader.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
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
// Small depths keep the test fast; the watcher is told to keep fewer hashes than the finality depth,
// as 256 kept hashes are fewer than a deep-reorging network's finality depth.
const FINALITY_DEPTH = 40;
const RETAINED_BLOCKS = 10;
const USDT_UNIT = 1_000_000n;

let chain: DevChain;
let network: Network;
let payer: Payer;

beforeAll(async () => {
  ({ chain, network, payer } = await startPayingDevChain({
    confirmations: CONFIRMATIONS,
    finalityDepth: FINALITY_DEPTH,
  }));
});
afterAll(async () => chain?.stop());

describe.each(testDatabases())('reorgs deeper than the kept block hashes ($kind)', (database) => {
  let t: TestGateway;
  let watcher: AbortController;
  let watching: Promise<void>;
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [network],
      webhookUrl: 'http://127.0.0.1:9/kassa-webhook',
    });
    watcher = new AbortController();
    watching = startChainWatcher(t.gateway.deps, {
      network,
      chain: createEvmChainReader(network),
      signal: watcher.signal,
      retainedBlocks: RETAINED_BLOCKS,
      logger: {
        info() {},
        warn() {},
        error: (_fields, message) => {
          errors.push(message);
        },
      },
      ...FAST_WATCHER_TUNING,
    });
  });
  afterAll(async () => {
    watcher?.abort();
    await watching;
    await t?.stop();
  });

  async function createPaidOrder(id: string) {
    await t.client.createCheckoutUrl({ merchant_order_id: id, product_price: '10', product_name: id });
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, [id]);
    if (order === undefined) throw new Error(`order ${id} was not stored`);
    const usdt = network.tokens.find((token) => token.symbol === 'USDT');
    if (usdt === undefined) throw new Error('no USDT on the dev network');
    const quote: Quote = await selectCoin(t.gateway.deps, { order, tokenId: usdt.tokenId });
    t.clock.advance(1_000);
    const sent = await payer.payToken(chain.tokens.USDT, quote.address, 10n * USDT_UNIT);
    await waitForInfo(id, (info) => info.trade_list.length === 1);
    return sent;
  }

  /** Replaces every block from `fromBlock` up with empty ones, then outgrows the old branch. */
  async function reorgFrom(fromBlock: bigint) {
    await payer.reorg(Number((await payer.getBlockNumber()) - fromBlock + 1n));
    await payer.mine(3);
  }

  const getInfo = (id: string) => getOrderInfo(t.client, id);
  const waitForInfo = (id: string, isDone: (info: OrderInfo) => boolean) =>
    waitForOrderInfo(t.client, id, isDone, 15_000);

  /** Waits until the watcher has scanned the node's head and keeps its hash. */
  async function waitForWatcherAtHead() {
    const deadlineMs = Date.now() + 15_000;
    for (;;) {
      const head = await createEvmChainReader(network).getHead();
      const kept = await t.gateway.deps.store.chain.findBlock(network.key, head.blockNumber);
      if (kept?.blockHash === head.blockHash) return;
      if (Date.now() > deadlineMs) throw new Error('watcher did not catch up with the head');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function listDeliveryEvents(id: string) {
    const info = await getInfo(id);
    const recordIds = new Set(info.trade_list.map((trade) => trade.record_id));
    const deliveries = await t.gateway.deps.store.deliveries.listDeliveries({ limit: 1000 });
    return deliveries
      .filter((d) => recordIds.has(d.recordId))
      .map((d) => d.event)
      .sort();
  }

  it('a payment a reorg deeper than the kept hashes removes, within the finality depth, fails', async () => {
    const paid = await createPaidOrder('deep');
    // 30 blocks on top: long confirmed, its hash beyond the 10 the watcher was asked to keep,
    // but not yet final.
    await payer.mine(30);
    await waitForWatcherAtHead();
    expect((await getInfo('deep')).order_detail.status).toBe('Successful');

    // The new branch forks just below the payment's block.
    await reorgFrom(paid.blockNumber);
    const info = await waitForInfo('deep', (i) => i.order_detail.status === 'Pending');
    expect(info.trade_list).toMatchObject([{ status: 'Failed' }]);
    expect(await listDeliveryEvents('deep')).toEqual(['failed', 'success']);
    expect(errors).toEqual([]);
  });

  it('a reorg deeper than everything kept fails the payments within finality and leaves final ones alone', async () => {
    const final = await createPaidOrder('final');
    await payer.mine(FINALITY_DEPTH + 5);
    await createPaidOrder('recent');
    await payer.mine(20);
    await waitForWatcherAtHead();
    expect((await getInfo('final')).order_detail.status).toBe('Successful');
    expect((await getInfo('recent')).order_detail.status).toBe('Successful');

    // Forks below both payments: deeper than every kept hash, which cannot happen on a network
    // whose finality depth is right; the watcher rewinds what it kept and scans the new branch.
    await reorgFrom(final.blockNumber);
    const recent = await waitForInfo('recent', (i) => i.order_detail.status === 'Pending');
    expect(recent.trade_list).toMatchObject([{ status: 'Failed' }]);
    expect(await listDeliveryEvents('recent')).toEqual(['failed', 'success']);

    await waitForWatcherAtHead();
    const finalInfo = await getInfo('final');
    expect(finalInfo.order_detail.status).toBe('Successful');
    expect(finalInfo.trade_list).toMatchObject([{ status: 'Successful' }]);
    expect(await listDeliveryEvents('final')).toEqual(['success']);
    expect(errors).toEqual([expect.stringContaining('deeper than the kept block hashes')]);

    // Scanning goes on from there: a new payment on the new branch counts.
    await createPaidOrder('after');
    await payer.mine(CONFIRMATIONS);
    await waitForInfo('after', (i) => i.order_detail.status === 'Successful');
  });
});
