import type { Address } from 'viem';
import { EVM_NETWORK_KIND } from '../../packages/gateway/src/adapters/chains/evm/evmNetworkKind.ts';
import type { KassaDb } from '../../packages/gateway/src/adapters/db/createDb.ts';
import type { Network, Token } from '../../packages/gateway/src/core/network.ts';

/** The deposit address of seeded quote `i` (lower-case). */
export const seededAddressOf = (i: number): Address => `0x${'5e'.repeat(4)}${i.toString(16).padStart(32, '0')}`;

/** Every fifth seeded quote is in the native coin, the others in USDT. */
export const isSeededEthQuote = (i: number): boolean => i % 5 === 4;

/** A benchmark network over an anvil node: USDT, USDC and the native coin, one confirmation. */
export function createBenchNetwork(
  key: string,
  chainId: number,
  rpcUrl: string,
  usdt: Address,
  usdc: Address,
): Network {
  const token = (symbol: string, contract: Address | null): Token => ({
    tokenId: `${key}-${symbol}`,
    networkKey: key,
    symbol,
    name: symbol,
    contract,
    decimals: contract === null ? 18 : 6,
    isStable: contract !== null,
  });
  return {
    key,
    kind: EVM_NETWORK_KIND,
    chainId,
    standard: 'ERC20',
    rpcUrls: [rpcUrl],
    confirmations: 1,
    blockTimeSeconds: 1,
    xpub: 'unused',
    tokens: [token('USDT', usdt), token('USDC', usdc), token('ETH', null)],
  };
}

/**
 * Inserts `size` open orders of `appId`, one quote each on `network` at `seededAddressOf(i)`, in
 * batched INSERTs (the use cases would take minutes for 100,000). Quotes are dated an hour back,
 * so the watcher's incremental reload starts after them.
 */
export async function seedWatchedQuotes(
  kassaDb: KassaDb,
  appId: string,
  network: Network,
  size: number,
  nowMs: number,
): Promise<void> {
  const BATCH = 500;
  await kassaDb.db.transaction().execute(async (trx) => {
    for (let start = 0; start < size; start += BATCH) {
      const count = Math.min(BATCH, size - start);
      const orders = Array.from({ length: count }, (_, k) => {
        const i = start + k;
        return {
          order_id: `${network.key}-${i}`,
          app_id: appId,
          merchant_order_id: `${network.key}-${i}`,
          kind: 'hosted',
          product_name: 'Bench',
          product_price: '10',
          denominated_currency: 'USD',
          price_usd_cents: '1000',
          valid_period_seconds: 86_400,
          return_url: null,
          notify_url: null,
          custom_value: null,
          remark: null,
          checkout_token: `${network.key}-token-${i}`,
          request_fingerprint: 'bench',
          status: 'Pending',
          created_at: nowMs,
          expires_at: nowMs + 86_400_000,
          watch_until: nowMs + 8 * 86_400_000,
        };
      });
      await trx.insertInto('orders').values(orders).execute();
      const quotes = orders.map((order, k) => {
        const i = start + k;
        const token = network.tokens[isSeededEthQuote(i) ? 2 : 0] as Token;
        return {
          order_id: order.order_id,
          network_key: network.key,
          token_id: token.tokenId,
          symbol: token.symbol,
          contract: token.contract?.toLowerCase() ?? null,
          decimals: token.decimals,
          token_rate: token.contract === null ? '2000' : '1',
          amount: token.contract === null ? '5000000000000000' : '10000000',
          address: seededAddressOf(i),
          address_index: i,
          xpub_id: network.key,
          created_at: nowMs - 3_600_000,
          priced_at: nowMs - 3_600_000,
        };
      });
      await trx.insertInto('quotes').values(quotes).execute();
    }
  });
}
