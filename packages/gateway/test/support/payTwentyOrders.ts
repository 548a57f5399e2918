import type { Address } from 'viem';
import { selectCoin } from '../../src/app/selectCoin.ts';
import type { Network } from '../../src/core/network.ts';
import type { Payer } from './createPayer.ts';
import type { TestGateway } from './startTestGateway.ts';
import { waitForOrderInfo } from './waitForOrderInfo.ts';
import { withinMs } from './withinMs.ts';

/** Each step's bound: a hang shows as the step that hung (CI once saw this setup time out at 120 s). */
const STEP_MS = 20_000;

/** What the buyers paid, per asset (lower-case contract, or `native`), in base units. */
export type PaidTotals = Map<string, bigint>;

const COINS = ['USDT', 'USDC', 'ETH'] as const;

/**
 * Creates 20 hosted orders (USDT, USDC and ETH in turn; the token orders quoted in ETH first), pays
 * each in full from `payer` and waits
 * until `bill/info` calls every one Successful: what a sweep then collects went through the real
 * watcher. Returns the sums paid per asset.
 */
export async function payTwentyOrders(t: TestGateway, network: Network, payer: Payer): Promise<PaidTotals> {
  const paid: PaidTotals = new Map();
  // A fresh watcher starts at the head it first sees: pay only once it has (it loads lazily).
  const deadlineMs = Date.now() + 20_000;
  while ((await t.gateway.deps.store.chain.findCursor(network.key)) === null) {
    if (Date.now() > deadlineMs) throw new Error(`the watcher of ${network.key} never started`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (let i = 0; i < 20; i++) {
    const id = `sweep-${i}`;
    const symbol = COINS[i % COINS.length] as (typeof COINS)[number];
    await withinMs(
      `creating ${id}`,
      STEP_MS,
      t.client.createCheckoutUrl({ merchant_order_id: id, product_price: String(3 + i), product_name: id }),
    );
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, [id]);
    const token = network.tokens.find((candidate) => candidate.symbol === symbol);
    if (order === undefined || token === undefined) throw new Error(`order ${id} or ${symbol} missing`);
    // A token order's buyer looks at ETH first: its address then also holds a native quote, the
    // case where a sweep's top-up (native coin into the address) could pass for a payment.
    const eth = network.tokens.find((candidate) => candidate.contract === null);
    const select = (tokenId: string) =>
      withinMs(`quoting ${id} in ${tokenId}`, STEP_MS, selectCoin(t.gateway.deps, { order, tokenId }));
    if (token.contract !== null && eth !== undefined) await select(eth.tokenId);
    const quote = await select(token.tokenId);
    const amount = quote.amount;
    const payment =
      quote.contract === null
        ? payer.payNative(quote.address, amount)
        : payer.payToken(quote.contract as Address, quote.address, amount);
    await withinMs(`paying ${id}`, STEP_MS, payment);
    const key = quote.contract?.toLowerCase() ?? 'native';
    paid.set(key, (paid.get(key) ?? 0n) + amount);
  }
  for (let i = 0; i < 20; i++) {
    await waitForOrderInfo(t.client, `sweep-${i}`, (info) => info.order_detail.status === 'Successful', 20_000);
  }
  return paid;
}
