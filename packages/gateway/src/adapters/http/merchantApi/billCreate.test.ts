// Risk: bill/create answers the wrong bytes, amount or address, loses idempotency, or leaves an order without its quote.
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequentialIds } from '../../../../test/support/createSequentialIds.ts';
import { DEV_NETWORK_SETTINGS, USDT_DEV } from '../../../../test/support/devNetworkSettings.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { deriveDepositAddress } from '../../chains/evm/deriveDepositAddress.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from '../../chains/evm/startAnvil.ts';

const XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
const DEV_USDT = deriveTokenId('DEV', USDT_DEV);
const DEV_ETH = deriveTokenId('DEV', null);
const BSC_BNB = deriveTokenId('BSC', null);
/** Networks and rates come in through the config file, as an operator writes them. */
const CONFIG_FILE = {
  networks: { xpub: XPUB, BSC: { rpcUrls: ['http://127.0.0.1:1'] }, DEV: DEV_NETWORK_SETTINGS },
  rates: { tokens: { ETH: { fixed: '3000' } } },
};

describe.each(testDatabases())('bill/create ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database, { ids: createSequentialIds(), configFile: CONFIG_FILE });
  });
  afterAll(async () => t.stop());

  const post = (path: string, body: string) => postAsTestApp(t, path, body);
  const bill = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      merchant_order_id: id,
      product_price: '19.99',
      token_id: DEV_USDT,
      denominated_currency: 'USD',
      ...extra,
    });
  type BillData = { order_id: string; amount: string; pay_address: string; product_price: string };
  const dataOf = (r: { json: { data: unknown } }) => r.json.data as BillData;

  it('pins the bytes of the reply, and bill/info then shows the coin', async () => {
    const r = await post('bill/create', bill('bill-1', { order_valid_period: 1800 }));
    // Index 0 of the xpub is anvil's account 0: an address derived independently of Kassa.
    expect(ANVIL_DEFAULT_ACCOUNT.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(r.text).toBe(
      `{"code":10000,"msg":"success","data":{"order_id":"000000000000000000000000000000003","amount":"19.99","product_price":"19.99","logo":"","network":"DEV","pay_address":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","crypto":"USDT","token_id":"${DEV_USDT}","memo":"","order_valid_period":1800}}`,
    );
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const info = await post('bill/info', '{"merchant_order_ids":["bill-1"]}');
    const created = Math.floor(t.clock.now() / 1000);
    expect(info.text).toBe(
      `{"code":10000,"msg":"success","data":[{"order_detail":{"order_id":"000000000000000000000000000000003","merchant_order_id":"bill-1","product_name":"","product_price":"19.99","denominated_currency":"USD","chain":"DEV","contract":"${USDT_DEV.toLowerCase()}","crypto":"USDT","order_amount":"19.99","token_rate":"1","status":"Pending","created":${created},"custom_value":"","paid_amount":"0","expired_at":${created + 1800}},"trade_list":[],"refund_list":[]}]}`,
    );
  });

  it('prices the native coin at its configured rate (rounded up) and shows the chain id as its contract', async () => {
    const data = await t.client.createBill({
      merchant_order_id: 'bill-eth',
      product_price: '10',
      token_id: DEV_ETH,
      denominated_currency: 'USD',
    });
    // 10 USD / 3000 USD per ETH = 0.0033… ETH, rounded up at 18 decimals.
    expect(data).toMatchObject({
      amount: '0.003333333333333334',
      crypto: 'ETH',
      network: 'DEV',
      token_id: DEV_ETH,
      order_valid_period: 86_400,
    });
    const [info] = await t.client.getOrders(['bill-eth']);
    expect(info?.order_detail).toMatchObject({
      chain: 'DEV',
      contract: '31337',
      crypto: 'ETH',
      order_amount: '0.003333333333333334',
      token_rate: '3000',
    });
  });

  it('takes a price in the token itself (denominated_currency: token)', async () => {
    const r = await post(
      'bill/create',
      bill('bill-tok', { token_id: DEV_ETH, denominated_currency: 'TOKEN', product_price: '0.25' }),
    );
    expect(r.json.code, r.text).toBe(10000);
    expect(dataOf(r)).toMatchObject({ amount: '0.25', product_price: '0.25' });
    const info = await post('bill/info', '{"merchant_order_ids":["bill-tok"]}');
    expect((info.json.data as { order_detail: unknown }[])[0]?.order_detail).toMatchObject({
      product_price: '0.25',
      denominated_currency: 'ETH',
      order_amount: '0.25',
      token_rate: '3000',
    });
    const tooPrecise = await post(
      'bill/create',
      bill('bill-tok-2', { denominated_currency: 'token', product_price: '1.1234567' }),
    );
    expect(tooPrecise.json).toEqual({ code: 100006, msg: 'product_price: at most 6 decimal places', data: null });
  });

  it('answers a retry with the same order and address, and uses no new address for it', async () => {
    const first = await post('bill/create', bill('bill-retry', { custom_value: 'x' }));
    t.clock.advance(5_000);
    const again = await post('bill/create', bill('bill-retry', { custom_value: 'x' }));
    expect(again.text).toBe(first.text);
    const next = await post('bill/create', bill('bill-after-retry'));
    const index = (address: string) => {
      for (let i = 0; i < 50; i++) if (deriveDepositAddress(XPUB, i) === address) return i;
      return -1;
    };
    expect(index(dataOf(next).pay_address)).toBe(index(dataOf(first).pay_address) + 1);
  });

  it('is duplicate_order for the same id with other values, or an id a hosted order holds', async () => {
    expect((await post('bill/create', bill('bill-dup'))).json.code).toBe(10000);
    for (const other of [bill('bill-dup', { product_price: '20' }), bill('bill-dup', { token_id: DEV_ETH })]) {
      const r = await post('bill/create', other);
      expect(r.json).toEqual({
        code: 100007,
        msg: 'merchant_order_id: bill-dup already exists with different values',
        data: null,
      });
    }
    await post('concise/url/get', '{"merchant_order_id":"hosted-1","product_price":"19.99","product_name":"Tea"}');
    expect((await post('bill/create', bill('hosted-1'))).json.code).toBe(100007);
  });

  it('is unsupported_token for an unknown token and for a network without RPC URLs', async () => {
    for (const tokenId of ['no-such-token', deriveTokenId('ETH', '0xdAC17F958D2ee523a2206206994597C13D831ec7')]) {
      const r = await post('bill/create', bill('bill-unsupported', { token_id: tokenId }));
      expect(r.json).toEqual({ code: 100010, msg: `token_id: ${tokenId} is not offered on any network`, data: null });
    }
  });

  it('is rate_unavailable without a price, and leaves no order behind', async () => {
    const r = await post('bill/create', bill('bill-norate', { token_id: BSC_BNB }));
    expect(r.json).toEqual({
      code: 100011,
      msg: 'no fresh exchange rate for BNB (missing); try again shortly',
      data: null,
    });
    expect((await post('bill/info', '{"merchant_order_ids":["bill-norate"]}')).json.code).toBe(100008);
    // The id is still free: the order and its quote were one transaction.
    expect((await post('bill/create', bill('bill-norate'))).json.code).toBe(10000);
  });

  it('is rate_unavailable when the rate source answers stale', async () => {
    const stale = await startTestGateway(database, {
      configFile: CONFIG_FILE,
      rateSource: { getRate: () => ({ ok: false, reason: 'stale' }) },
    });
    try {
      const r = await postAsTestApp(stale, 'bill/create', bill('bill-stale'));
      expect(r.json).toEqual({
        code: 100011,
        msg: 'no fresh exchange rate for USDT (stale); try again shortly',
        data: null,
      });
    } finally {
      await stale.stop();
    }
  });

  it('names the field and the rule of a bad request', async () => {
    const cases: [string, string][] = [
      [bill('bill-bad', { denominated_currency: 'EUR' }), 'denominated_currency: must be USD or token'],
      [bill('bill-bad', { denominated_currency: '' }), 'denominated_currency: is required'],
      [bill('bill-bad', { token_id: '' }), 'token_id: is required'],
      [bill('bill-bad', { product_price: '-1' }), 'product_price: must be a plain decimal number'],
      [bill('bill-bad', { notify_url: 'https:evil.example' }), 'notify_url: must be an absolute http(s) URL'],
      [
        bill('bill-bad', { notify_url: 'http://[::ffff:169.254.169.254]/' }),
        'notify_url: webhook target ::ffff:a9fe:a9fe is a cloud metadata address (IPv4-mapped 169.254.169.254); Kassa does not deliver webhooks there',
      ],
    ];
    for (const [body, msg] of cases)
      expect((await post('bill/create', body)).json).toEqual({ code: 100006, msg, data: null });
  });
});
