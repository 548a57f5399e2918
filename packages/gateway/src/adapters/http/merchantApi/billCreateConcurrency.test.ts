// Risk: concurrent bill/create calls handed one deposit address (funds credited to the wrong order), or retries of one order id given several.
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_NETWORK_SETTINGS, USDT_DEV } from '../../../../test/support/devNetworkSettings.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { getXpubId } from '../../../app/getXpubId.ts';
import { deriveDepositAddress } from '../../chains/evm/deriveDepositAddress.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../chains/evm/startAnvil.ts';

const XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
const CONFIG_FILE = {
  networks: { xpub: XPUB, DEV: DEV_NETWORK_SETTINGS },
  rates: { tokens: { ETH: { fixed: '3000' } } },
};

describe.each(testDatabases())('bill/create under concurrency ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database, { configFile: CONFIG_FILE });
  });
  afterAll(async () => t.stop());

  const bill = (id: string) =>
    JSON.stringify({
      merchant_order_id: id,
      product_price: '19.99',
      token_id: deriveTokenId('DEV', USDT_DEV),
      denominated_currency: 'USD',
    });
  const create = async (id: string) => {
    const r = await postAsTestApp(t, 'bill/create', bill(id));
    expect(r.json.code, r.text).toBe(10000);
    return (r.json.data as { pay_address: string; order_id: string }).pay_address;
  };
  const nextIndex = async () => {
    const row = await t.gateway.kassaDb.db
      .selectFrom('address_counters')
      .select('next_index')
      .where('xpub_id', '=', getXpubId(XPUB))
      .executeTakeFirst();
    return Number(row?.next_index ?? 0);
  };
  const quotesOf = (merchantOrderIds: readonly string[]) =>
    t.gateway.kassaDb.db
      .selectFrom('quotes')
      .innerJoin('orders', 'orders.order_id', 'quotes.order_id')
      .select(['quotes.address', 'quotes.address_index', 'orders.merchant_order_id'])
      .where('orders.merchant_order_id', 'in', [...merchantOrderIds])
      .execute();

  it('gives 50 concurrent calls 50 different addresses at 50 different indexes, and wastes none', async () => {
    const before = await nextIndex();
    const ids = Array.from({ length: 50 }, (_, i) => `conc-${i}`);
    const addresses = await Promise.all(ids.map(create));
    expect(new Set(addresses).size).toBe(50);
    const quotes = await quotesOf(ids);
    expect(quotes.length).toBe(50);
    const indexes = quotes.map((q) => Number(q.address_index)).sort((a, b) => a - b);
    expect(indexes).toEqual(Array.from({ length: 50 }, (_, i) => before + i));
    for (const q of quotes) {
      expect(q.address).toBe(deriveDepositAddress(XPUB, Number(q.address_index)).toLowerCase());
      expect(addresses[ids.indexOf(q.merchant_order_id)]?.toLowerCase()).toBe(q.address);
    }
    expect(await nextIndex()).toBe(before + 50);
  });

  it('answers retries of one order id with one address, and a retry takes no index', async () => {
    // Concurrent first attempts: one order and one quote, whichever wins.
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => create('retried')));
    expect(new Set(concurrent).size).toBe(1);
    const before = await nextIndex();
    for (let i = 0; i < 5; i++) expect(await create('retried')).toBe(concurrent[0]);
    const retries = await Promise.all(Array.from({ length: 10 }, () => create('retried')));
    expect(new Set(retries)).toEqual(new Set(concurrent));
    expect(await nextIndex()).toBe(before);
    expect((await quotesOf(['retried'])).length).toBe(1);
  });
});
