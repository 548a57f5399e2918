import { afterAll, beforeAll } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../../../test/fixtures/devChain.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import type { TestDatabase } from '../../../../test/support/testDatabases.ts';
import type { Network, Token } from '../../../core/network.ts';
import type { Quote } from '../../../core/Quote.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';
import { EVM_NETWORK_KIND } from '../../chains/evm/evmNetworkKind.ts';
import { createFixedRateSource } from '../../rates/createFixedRateSource.ts';

export const USDT_DEV = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const USDC_DEV = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const USDT_BSC = '0x55d398326f99059fF775485246999027B3197955';
const WBTC_BSC = '0x7130d2A12B9BCbFAe4f2634d864A1Ee1Ce3Ead9c';

const token = (
  networkKey: string,
  symbol: string,
  name: string,
  contract: `0x${string}` | null,
  decimals: number,
): Token => ({
  tokenId: deriveTokenId(networkKey, contract),
  networkKey,
  symbol,
  name,
  contract,
  decimals,
  isStable: symbol.startsWith('USD'),
});

// Plain network config: nothing here talks to a chain (no watcher runs in the checkout suites).
const DEV: Network = {
  key: 'DEV',
  kind: EVM_NETWORK_KIND,

  chainId: 31337,
  standard: 'ERC20',
  rpcUrls: ['http://127.0.0.1:9'],
  confirmations: 3,
  blockTimeSeconds: 1,
  xpub: DEV_CHAIN_XPUB,
  tokens: [
    token('DEV', 'USDT', 'Tether USD', USDT_DEV, 6),
    token('DEV', 'USDC', 'USD Coin', USDC_DEV, 6),
    token('DEV', 'ETH', 'Ether', null, 18),
  ],
};
const BSC: Network = {
  key: 'BSC',
  kind: EVM_NETWORK_KIND,

  chainId: 56,
  standard: 'BEP20',
  rpcUrls: ['http://127.0.0.1:9'],
  confirmations: 15,
  blockTimeSeconds: 3,
  xpub: DEV_CHAIN_XPUB,
  tokens: [token('BSC', 'USDT', 'Tether USD', USDT_BSC, 18), token('BSC', 'WBTC', 'Wrapped BTC', WBTC_BSC, 18)],
};

/** The coins on offer: USDT, USDC and ETH on the devnet; WBTC on BSC has no rate. */
export const [USDT, USDC, ETH] = DEV.tokens as [Token, Token, Token];
export const WBTC = BSC.tokens[1] as Token;

/** A response read as text, redirects not followed. */
export type PageResponse = { status: number; headers: Headers; text: string };

/** The test gateway of the checkout suites, with the buyer's and the merchant's moves. */
export type CheckoutTestGateway = TestGateway & {
  /** Creates a hosted order (10.5 USD of green tea unless `extra` says otherwise); its page path. */
  createOrder(extra?: Record<string, unknown>): Promise<{ path: string; merchantOrderId: string }>;
  get(path: string, headers?: Record<string, string>): Promise<PageResponse>;
  /** Posts the coin form of the page at `path`, as the browser does without JavaScript. */
  choose(path: string, tokenId: string): Promise<Response>;
  quotesOf(merchantOrderId: string): Promise<{ orderId: string; quotes: readonly Quote[] }>;
};

/** Starts the gateway with two networks, a fixed ETH price and one framing origin allowed. */
async function startCheckoutTestGateway(database: TestDatabase): Promise<CheckoutTestGateway> {
  const t = await startTestGateway(database, {
    networks: [DEV, BSC],
    rateSource: createFixedRateSource({ prices: { ETH: '2500' } }),
    configFile: { checkout: { frameAncestors: ['https://shop.example'] } },
  });
  let seq = 0;
  return {
    ...t,
    async createOrder(extra = {}) {
      const merchantOrderId = `checkout-${++seq}`;
      const { payment_url } = await t.client.createCheckoutUrl({
        merchant_order_id: merchantOrderId,
        product_price: '10.5',
        product_name: 'Green tea',
        ...extra,
      });
      return { path: new URL(payment_url).pathname, merchantOrderId };
    },
    async get(path, headers = {}) {
      const response = await fetch(`${t.baseUrl}${path}`, { headers, redirect: 'manual' });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    choose: (path, tokenId) =>
      fetch(`${t.baseUrl}${path}/select?lang=en`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token_id: tokenId }),
        redirect: 'manual',
      }),
    async quotesOf(merchantOrderId) {
      const [info] = await t.client.getOrders([merchantOrderId]);
      const orderId = info?.order_detail.order_id ?? '';
      return { orderId, quotes: await t.gateway.deps.store.quotes.listQuotesForOrders([orderId]) };
    },
  };
}

/**
 * Starts the checkout test gateway before the suite's tests and stops it after them; the returned
 * object is filled in by then, so tests use it directly.
 */
export function useCheckoutTestGateway(database: TestDatabase): CheckoutTestGateway {
  const t = {} as CheckoutTestGateway;
  beforeAll(async () => {
    Object.assign(t, await startCheckoutTestGateway(database));
  });
  // Optional: a failed start leaves nothing to stop, and its own error is the one to see.
  afterAll(async () => t.stop?.());
  return t;
}
