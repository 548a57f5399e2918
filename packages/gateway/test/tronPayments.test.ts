// Risk: a TRON payment is missed, counted before its block is final, or reported to the merchant in
// EVM form (0x addresses, 0x txids, chain "TRON") that TRON merchants and explorers cannot use.

import type { OrderInfo } from '@kassa/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveDepositAddress } from '../src/adapters/chains/evm/deriveDepositAddress.ts';
import { formatTronAddress } from '../src/adapters/chains/tron/formatTronAddress.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
import type { Quote } from '../src/core/Quote.ts';
import { expectOfficialClientRules } from './support/expectOfficialClientRules.ts';
import { FAST_WATCHER_TUNING } from './support/fastWatcherTuning.ts';
import { postAsTestApp } from './support/postAsTestApp.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { startTronTestChain, type TronTestChain } from './support/startTronTestChain.ts';
import { testDatabases } from './support/testDatabases.ts';
import { getOrderInfo, waitForOrderInfo } from './support/waitForOrderInfo.ts';

const USDT_UNIT = 1_000_000n;
const SUN_PER_TRX = 1_000_000n;
const T_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

let tron: TronTestChain;

beforeAll(async () => {
  tron = await startTronTestChain();
});
afterAll(async () => tron?.stop());

describe.each(testDatabases())('TRON payments end to end ($kind)', (database) => {
  let t: TestGateway;
  let stopWorkers: () => Promise<void>;

  const tokenIdOf = (symbol: string) => {
    const token = tron.network.tokens.find((tk) => tk.symbol === symbol);
    if (token === undefined) throw new Error(`no ${symbol} on the TRON test network`);
    return token.tokenId;
  };
  const usdtT = () => formatTronAddress(tron.chain.tokens.USDT);

  async function createOrder(id: string, price: string, symbol: string, validPeriodSeconds?: number): Promise<Quote> {
    await t.client.createCheckoutUrl({
      merchant_order_id: id,
      product_price: price,
      product_name: id,
      ...(validPeriodSeconds === undefined ? {} : { order_valid_period: validPeriodSeconds }),
    });
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, [id]);
    if (order === undefined) throw new Error(`order ${id} was not stored`);
    return selectCoin(t.gateway.deps, { order, tokenId: tokenIdOf(symbol) });
  }

  const waitForInfo = (id: string, isDone: (info: OrderInfo) => boolean) =>
    waitForOrderInfo(t.client, id, isDone, 10_000);
  const hasTrades = (count: number) => (info: OrderInfo) => info.trade_list.length >= count;
  const hasStatus = (status: string) => (info: OrderInfo) => info.order_detail.status === status;

  /** Pays, waits until the watcher saw it, then mines the two blocks after which anvil reports it final. */
  async function payAndFinalize(quote: Quote, amount: bigint, id: string, tradesBefore = 0) {
    t.clock.advance(1_000);
    const sent =
      quote.contract === null
        ? await tron.payer.payNative(quote.address, amount)
        : await tron.payer.payToken(quote.contract as `0x${string}`, quote.address, amount);
    await waitForInfo(id, hasTrades(tradesBefore + 1));
    await tron.payer.mine(2);
    return sent;
  }

  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [tron.network],
      configFile: { rates: { tokens: { TRX: { fixed: '0.25' } } } },
      webhookUrl: 'http://127.0.0.1:9/kassa-webhook',
    });
    stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
  });
  afterAll(async () => {
    await stopWorkers?.();
    await t?.stop();
  });

  it('USDT: Processing until its block is final (not 19 blocks), then Successful, all in TRON form', async () => {
    const quote = await createOrder('usdt-exact', '10', 'USDT');
    const sent = await tron.payer.payToken(tron.chain.tokens.USDT, quote.address, 10n * USDT_UNIT);
    const seen = await waitForInfo('usdt-exact', hasTrades(1));
    expect(seen.trade_list[0]?.status).toBe('Processing');

    // Final once anvil's `finalized` (head − 2) reaches the payment's block: one block is not enough.
    await tron.payer.mine(1);
    await new Promise((r) => setTimeout(r, 150));
    expect((await getOrderInfo(t.client, 'usdt-exact')).trade_list[0]?.status).toBe('Processing');
    await tron.payer.mine(1);
    const info = await waitForInfo('usdt-exact', hasStatus('Successful'));

    expect(info.order_detail).toMatchObject({ chain: 'TRX', contract: usdtT(), crypto: 'USDT', paid_amount: '10' });
    const [trade] = info.trade_list;
    expect(trade).toMatchObject({
      status: 'Successful',
      chain: 'TRX',
      contract: usdtT(),
      amount: '10',
      txid: sent.hash.slice(2),
      to_address: formatTronAddress(quote.address),
      from_address: formatTronAddress(tron.chain.testAccount.address),
    });
    expect(trade?.to_address).toMatch(T_ADDRESS);
    expect(trade?.txid).toMatch(/^[0-9a-f]{64}$/);
  });

  it("TRX by bill/create: T… pay_address of m/44'/195'/0'/0/i, chain TRX, exact amount in sun", async () => {
    const bill = await t.client.createBill({
      merchant_order_id: 'trx-bill',
      product_price: '10',
      token_id: tokenIdOf('TRX'),
      denominated_currency: 'USD',
    });
    expect(bill).toMatchObject({ network: 'TRX', crypto: 'TRX', amount: '40' });
    expect(bill.pay_address).toMatch(T_ADDRESS);
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, ['trx-bill']);
    const [quote] = await t.gateway.deps.store.quotes.listQuotesForOrders([order?.orderId ?? '']);
    expect(quote?.address).toBe(deriveDepositAddress(tron.network.xpub, Number(quote?.addressIndex)).toLowerCase());
    expect(bill.pay_address).toBe(formatTronAddress(quote?.address ?? ''));

    await payAndFinalize(quote as Quote, 40n * SUN_PER_TRX, 'trx-bill');
    const info = await waitForInfo('trx-bill', hasStatus('Successful'));
    expect(info.order_detail).toMatchObject({ chain: 'TRX', contract: 'TRX', crypto: 'TRX', paid_amount: '40' });
    expect(info.trade_list).toMatchObject([{ status: 'Successful', contract: 'TRX', amount: '40', chain: 'TRX' }]);
  });

  it('under-, over- and late payments classify as on any network', async () => {
    const under = await createOrder('under', '10', 'USDT');
    const over = await createOrder('over', '10', 'USDT');
    const late = await createOrder('late', '10', 'TRX', 60);
    await payAndFinalize(under, 4n * USDT_UNIT, 'under');
    await payAndFinalize(over, 12n * USDT_UNIT, 'over');
    t.clock.advance(60_000);
    await payAndFinalize(late, 40n * SUN_PER_TRX, 'late');
    expect((await waitForInfo('under', hasStatus('Underpayment'))).order_detail.paid_amount).toBe('4');
    expect((await waitForInfo('over', hasStatus('Overpayment'))).order_detail.paid_amount).toBe('12');
    await waitForInfo('late', hasStatus('Paid (Overdue)'));
  });

  it('a payment reorganised away before it is final fails; the order is Pending again', async () => {
    const quote = await createOrder('reorged', '10', 'USDT');
    await tron.payer.payToken(tron.chain.tokens.USDT, quote.address, 10n * USDT_UNIT);
    await waitForInfo('reorged', hasTrades(1));
    await tron.payer.reorg(1);
    await tron.payer.mine(2);
    const info = await waitForInfo('reorged', (i) => i.trade_list[0]?.status === 'Failed');
    expect(info.order_detail.status).toBe('Pending');
  });

  it('a payment made while the watcher is down is found on restart', async () => {
    await stopWorkers();
    const quote = await createOrder('restart', '10', 'USDT');
    await tron.payer.payToken(tron.chain.tokens.USDT, quote.address, 10n * USDT_UNIT);
    await tron.payer.mine(2);
    stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
    const info = await waitForInfo('restart', hasStatus('Successful'));
    expect(info.trade_list).toHaveLength(1);
  });

  it('coin/all and get/network/height/info name the network TRX / TRC20, contracts in T… form', async () => {
    const coins = await t.client.getCoins();
    const tokens = coins.list.flatMap((coin) => coin.tokens);
    expect(tokens.find((tk) => tk.crypto === 'USDT')).toMatchObject({
      chain: 'TRX',
      network: 'TRC20',
      contract: usdtT(),
    });
    expect(tokens.find((tk) => tk.crypto === 'TRX')).toMatchObject({ chain: 'TRX', network: 'TRC20', contract: 'TRX' });
    const heights = await t.client.getNetworkHeights();
    expect(heights.map((h) => h.chain)).toEqual(['TRX']);
    expect(heights[0]?.current_chain_height).toBeGreaterThan(0);
  });

  it("every TRON reply keeps the official clients' rules (spec §2) and names the network as CCPayment does", async () => {
    const usdtId = tokenIdOf('USDT');
    const post = async (path: string, body: object) => {
      const response = await postAsTestApp(t, path, JSON.stringify(body));
      expectOfficialClientRules(response, t);
      expect(response.json.code).toBe(10000);
      return response.json.data as Record<string, unknown>;
    };
    const chains = (await post('token/chain', { token_id: usdtId })).list as Record<string, unknown>[];
    expect(chains).toMatchObject([{ token_id: usdtId, chain: 'TRX', network: 'TRC20', contract: usdtT() }]);
    const supported = (await post('support/token', {})).list as Record<string, unknown>[];
    expect(supported.map((tk) => tk.token_id).sort()).toEqual([usdtId, tokenIdOf('TRX')].sort());
    await post('coin/all', {});
    const bill = await post('bill/create', {
      merchant_order_id: 'rules',
      product_price: '5',
      token_id: usdtId,
      denominated_currency: 'USD',
    });
    expect(bill).toMatchObject({ network: 'TRX', crypto: 'USDT', amount: '5' });
    expect(bill.pay_address).toMatch(T_ADDRESS);
    await post('bill/info', { merchant_order_ids: ['usdt-exact', 'trx-bill'] });
  });

  it('webhooks carry chain TRX, the T… contract and the txid without 0x', async () => {
    const deliveries = await t.gateway.deps.store.deliveries.listDeliveries({ limit: 1000 });
    const bodies = deliveries.map((d) => JSON.parse(d.body) as Record<string, string>);
    const usdt = bodies.find((b) => b.crypto === 'USDT' && b.pay_status === 'success');
    expect(usdt).toMatchObject({ chain: 'TRX', contract: usdtT() });
    expect(usdt?.txid).toMatch(/^[0-9a-f]{64}$/);
    const trx = bodies.find((b) => b.crypto === 'TRX' && b.pay_status === 'success');
    expect(trx).toMatchObject({ chain: 'TRX', contract: 'TRX' });
  });
});
