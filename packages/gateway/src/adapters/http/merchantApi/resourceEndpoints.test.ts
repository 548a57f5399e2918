// Risk: the §9 resource endpoints answer with missing fields, wrong types or key order, unsigned or non-canonical bytes, or a rounded-down token value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../../../test/fixtures/devChain.ts';
import { expectOfficialClientRules } from '../../../../test/support/expectOfficialClientRules.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import type { SignedResponse } from '../../../../test/support/postSigned.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';

const ETH_USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';
const ETH_USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const BSC_USDT = '0x55d398326f99059ff775485246999027b3197955';
const BSC_USDC = '0x8ac76a51cc950d9822d68b83fe1ad97b32cd580d';
const ID = {
  ethUsdt: deriveTokenId('ETH', ETH_USDT),
  ethUsdc: deriveTokenId('ETH', ETH_USDC),
  eth: deriveTokenId('ETH', null),
  bscUsdt: deriveTokenId('BSC', BSC_USDT),
  bscUsdc: deriveTokenId('BSC', BSC_USDC),
  bnb: deriveTokenId('BSC', null),
};

// Two built-in mainnets (their RPC URLs are never called: no watcher runs), ETH at a fixed price
// and BNB without any rate, so both statuses show.
const CONFIG_FILE = {
  networks: {
    xpub: DEV_CHAIN_XPUB,
    ETH: { rpcUrls: ['http://127.0.0.1:9'] },
    BSC: { rpcUrls: ['http://127.0.0.1:9'] },
  },
  rates: { tokens: { ETH: { fixed: '3456.78' } } },
};

/** A §9 token entry of coin/all. */
function tokenEntry(
  tokenId: string,
  crypto: string,
  name: string,
  chain: string,
  contract: string,
  status: number,
  precision: number,
) {
  return {
    token_id: tokenId,
    crypto,
    logo: '',
    name,
    is_support_memo: false,
    network: chain === 'BSC' ? 'BEP20' : 'ERC20',
    chain,
    contract,
    chain_logo: '',
    status,
    precision,
  };
}

/** A USD stablecoin's §9 coin entry: priced at 1 and shown to 6 decimals whatever its tokens hold. */
function stablecoinEntry(coinId: string, symbol: string, name: string, tokens: readonly object[]) {
  return {
    coin_id: coinId,
    symbol,
    crypto: symbol,
    name,
    logo: '',
    min: '0.000001',
    price: '1',
    precision: 6,
    status: 1,
    tokens,
  };
}

/** What coin/all lists for `CONFIG_FILE`, keys in wire order. */
const COIN_ALL_LIST = [
  stablecoinEntry('63771ea2-eb24-55bc-b764-63b3852bab15', 'USDT', 'Tether USD', [
    tokenEntry(ID.ethUsdt, 'USDT', 'Tether USD', 'ETH', ETH_USDT, 1, 6),
    tokenEntry(ID.bscUsdt, 'USDT', 'Tether USD', 'BSC', BSC_USDT, 2, 18),
  ]),
  stablecoinEntry('96f51a04-09f8-5bca-8147-3d325c363c6f', 'USDC', 'USD Coin', [
    tokenEntry(ID.ethUsdc, 'USDC', 'USD Coin', 'ETH', ETH_USDC, 1, 6),
    tokenEntry(ID.bscUsdc, 'USDC', 'USD Coin', 'BSC', BSC_USDC, 2, 18),
  ]),
  {
    coin_id: '07095f3d-2d80-5ebf-a611-e8ae96f0d5a5',
    symbol: 'ETH',
    crypto: 'ETH',
    name: 'Ether',
    logo: '',
    min: '0.000000000000000001',
    price: '3456.78',
    precision: 18,
    status: 1,
    // The native coin's contract is the EVM chain id.
    tokens: [tokenEntry(ID.eth, 'ETH', 'Ether', 'ETH', '1', 1, 18)],
  },
  {
    coin_id: '79d58739-5a4c-511c-b4b6-98c5fa809646',
    symbol: 'BNB',
    crypto: 'BNB',
    name: 'BNB',
    logo: '',
    min: '0.000000000000000001',
    price: '',
    precision: 18,
    status: 2,
    tokens: [tokenEntry(ID.bnb, 'BNB', 'BNB', 'BSC', '56', 2, 18)],
  },
];

describe.each(testDatabases())('resource endpoints ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database, { configFile: CONFIG_FILE });
    // The ETH watcher scanned up to block 21,000,000 just now; BSC's never ran.
    await t.gateway.deps.store.chain.setCursor('ETH', 21_000_001n, t.clock.now());
  });
  afterAll(async () => t.stop());

  async function post(path: string, body: string): Promise<SignedResponse> {
    const response = await postAsTestApp(t, path, body);
    expectOfficialClientRules(response, t);
    return response;
  }

  const success = (data: unknown): string => JSON.stringify({ code: 10000, msg: 'success', data });

  it('coin/all: coins grouped by symbol, every §9 field in order, status 2 without a rate or a watcher', async () => {
    const r = await post('coin/all', '');
    expect(r.text).toBe(success({ list: COIN_ALL_LIST }));
  });

  it('coin/all through the official client: types as §9 states them', async () => {
    const { list } = await t.client.getCoins();
    expect(list.map((coin) => coin.symbol)).toEqual(['USDT', 'USDC', 'ETH', 'BNB']);
    for (const coin of list) {
      expect(coin.coin_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.isInteger(coin.precision) && Number.isInteger(coin.status)).toBe(true);
      for (const entry of coin.tokens) {
        expect(typeof entry.is_support_memo).toBe('boolean');
        expect(Number.isInteger(entry.precision) && [1, 2].includes(entry.status)).toBe(true);
      }
    }
    expect(new Set(list.map((coin) => coin.coin_id)).size).toBe(4);
  });

  it('support/token: one item per token, keys in the documented order', async () => {
    const r = await post('support/token', '{}');
    const item = (crypto: string, name: string, min: string, price: string, tokenId: string) => ({
      crypto,
      name,
      logo: '',
      min,
      price,
      token_id: tokenId,
    });
    expect(r.text).toBe(
      success({
        list: [
          item('USDT', 'Tether USD', '0.000001', '1', ID.ethUsdt),
          item('USDT', 'Tether USD', '0.000000000000000001', '1', ID.bscUsdt),
          item('USDC', 'USD Coin', '0.000001', '1', ID.ethUsdc),
          item('USDC', 'USD Coin', '0.000000000000000001', '1', ID.bscUsdc),
          item('ETH', 'Ether', '0.000000000000000001', '3456.78', ID.eth),
          item('BNB', 'BNB', '0.000000000000000001', '', ID.bnb),
        ],
      }),
    );
  });

  it('token/chain: every network of the coin, in the documented key order', async () => {
    const r = await post('token/chain', JSON.stringify({ token_id: ID.bscUsdt }));
    const item = (tokenId: string, chain: string, contract: string, status: number) => ({
      token_id: tokenId,
      crypto: 'USDT',
      logo: '',
      name: 'Tether USD',
      network: chain === 'BSC' ? 'BEP20' : 'ERC20',
      chain,
      contract,
      chain_logo: '',
      is_support_memo: false,
      status,
    });
    expect(r.text).toBe(
      success({ list: [item(ID.ethUsdt, 'ETH', ETH_USDT, 1), item(ID.bscUsdt, 'BSC', BSC_USDT, 2)] }),
    );
    expect((await post('token/chain', '{"token_id":"nope"}')).json).toMatchObject({ code: 100010, data: null });
    expect((await post('token/chain', '{}')).json).toEqual({ code: 100006, msg: 'token_id: is required', data: null });
  });

  it('token/rate: value rounded UP at the token precision (18 and 6 decimals)', async () => {
    // 10 / 3456.78 = 0.002892865614820729|88… ETH: the 18th decimal goes up.
    const eth = await post('token/rate', JSON.stringify({ amount: '10', token_id: ID.eth }));
    expect(eth.text).toBe(success({ price: '3456.78', value: '0.00289286561482073' }));
    // 10.0000001 USD in a 6-decimal token is 10.000001, never 10.
    const usdt6 = await post('token/rate', JSON.stringify({ amount: '10.0000001', token_id: ID.ethUsdt }));
    expect(usdt6.text).toBe(success({ price: '1', value: '10.000001' }));
    // The same amount fits an 18-decimal token exactly.
    const usdt18 = await post('token/rate', JSON.stringify({ amount: '10.0000001', token_id: ID.bscUsdt }));
    expect(usdt18.text).toBe(success({ price: '1', value: '10.0000001' }));
    // A JSON number amount is read as its decimal text.
    await expect(t.client.request('token/rate', { amount: 0.01, token_id: ID.eth })).resolves.toEqual({
      price: '3456.78',
      value: '0.000002892865614821',
    });
    await expect(t.client.getTokenRate({ amount: '0.000001', tokenId: ID.ethUsdt })).resolves.toEqual({
      price: '1',
      value: '0.000001',
    });
  });

  it('token/rate refuses unknown tokens, bad amounts and coins without a fresh rate', async () => {
    const rate = (body: object) => post('token/rate', JSON.stringify(body));
    expect((await rate({ amount: '1', token_id: ID.bnb })).json).toMatchObject({ code: 100011, data: null });
    expect((await rate({ amount: '1', token_id: 'nope' })).json).toMatchObject({ code: 100010 });
    expect((await rate({ amount: '-1', token_id: ID.eth })).json).toMatchObject({
      code: 100006,
      msg: 'amount: must be a plain decimal number',
    });
    expect((await rate({ amount: '1e3', token_id: ID.eth })).json).toMatchObject({ code: 100006 });
    expect((await rate({ token_id: ID.eth })).json).toMatchObject({ code: 100006, msg: 'amount: is required' });
    expect((await rate({ amount: '1000000000.01', token_id: ID.eth })).json).toMatchObject({
      code: 100006,
      msg: 'amount: at most 1000000000',
    });
    expect((await rate({ amount: '1' })).json).toMatchObject({ code: 100006, msg: 'token_id: is required' });
  });

  it('get/network/height/info: scanned height, confirmations and block time per network', async () => {
    const r = await post('get/network/height/info', '');
    expect(r.text).toBe(
      success([
        { chain: 'ETH', current_chain_height: 21_000_000, tx_confirm_block_num: 12, block_rate: 12 },
        { chain: 'BSC', current_chain_height: 0, tx_confirm_block_num: 15, block_rate: 0.75 },
      ]),
    );
    const heights = await t.client.getNetworkHeights();
    expect(heights.every((h) => Number.isInteger(h.current_chain_height) && typeof h.block_rate === 'number')).toBe(
      true,
    );
  });

  it('marks a network under maintenance once its watcher stops moving', async () => {
    const statusOf = async () =>
      (await t.client.getCoins()).list.find((coin) => coin.symbol === 'ETH')?.tokens.map((entry) => entry.status);
    expect(await statusOf()).toEqual([1]);
    // ETH's limit is max(120 s, 20 blocks × 12 s) = 240 s without a cursor update.
    t.clock.advance(240_000);
    expect(await statusOf()).toEqual([1]);
    t.clock.advance(1);
    expect(await statusOf()).toEqual([2]);
    const eth = (await t.client.getCoins()).list.find((coin) => coin.symbol === 'ETH');
    expect(eth?.status).toBe(2);
    await t.gateway.deps.store.chain.setCursor('ETH', 21_000_002n, t.clock.now());
    expect(await statusOf()).toEqual([1]);
    expect((await t.client.getNetworkHeights())[0]?.current_chain_height).toBe(21_000_001);
  });
});
