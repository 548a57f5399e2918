import { createOrder } from '../../src/app/createOrder.ts';
import type { App } from '../../src/core/App.ts';
import type { Network, Transfer } from '../../src/core/network.ts';
import type { Order } from '../../src/core/Order.ts';
import type { ChainBlock, Clock, IdSource, Store, WatchedQuote } from '../../src/core/ports.ts';

/** A DEV network of made-up contracts, for tests that feed the watcher's use cases transfers directly. */
export const SYNTHETIC_NETWORK: Network = {
  key: 'DEV',
  chainId: 31337,
  standard: 'ERC20',
  rpcUrls: [],
  confirmations: 3,
  blockTimeSeconds: 1,
  xpub: 'unused',
  tokens: [
    token('USDT', '0x00000000000000000000000000000000000000a1', 6),
    token('USDC', '0x00000000000000000000000000000000000000c1', 6),
    token('ETH', null, 18),
  ],
};

function token(symbol: string, contract: `0x${string}` | null, decimals: number) {
  return {
    tokenId: `token-${symbol}`,
    networkKey: 'DEV',
    symbol,
    name: symbol,
    contract,
    decimals,
    isStable: contract !== null,
  };
}

/** Inserts an order of `priceUsd` with one quote per symbol (1 USD rate, or 2000 for ETH); the last is the newest. */
export async function seedWatchedOrder(
  deps: { readonly store: Store; readonly clock: Clock; readonly ids: IdSource },
  p: {
    readonly app: App;
    readonly merchantOrderId: string;
    readonly priceUsd: string;
    readonly symbols: readonly string[];
    readonly validPeriodSeconds?: number;
    /** Where this order's webhooks go; default the app's webhook URL. */
    readonly notifyUrl?: string;
  },
): Promise<{ order: Order; quotes: WatchedQuote[] }> {
  const [whole = '0', fraction = ''] = p.priceUsd.split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  const order = await createOrder({ ...deps, latePaymentWindowSeconds: 7 * 86_400 }, p.app, {
    merchantOrderId: p.merchantOrderId,
    productName: p.merchantOrderId,
    productPrice: p.priceUsd,
    priceUsdCents: cents,
    validPeriodSeconds: p.validPeriodSeconds ?? 3600,
    returnUrl: null,
    notifyUrl: p.notifyUrl ?? null,
    customValue: null,
  });
  const quotes: WatchedQuote[] = [];
  for (const symbol of p.symbols) {
    const t = SYNTHETIC_NETWORK.tokens.find((tk) => tk.symbol === symbol);
    if (t === undefined) throw new Error(`no ${symbol}`);
    const index = await deps.store.addresses.allocateIndex('synthetic');
    const rate = symbol === 'ETH' ? '2000' : '1';
    const amount = symbol === 'ETH' ? (cents * 10n ** 16n) / 2000n : cents * 10n ** 4n;
    const quote = await deps.store.quotes.insertQuote({
      orderId: order.orderId,
      networkKey: 'DEV',
      tokenId: t.tokenId,
      symbol,
      contract: t.contract,
      decimals: t.decimals,
      tokenRate: rate,
      amount,
      address: `0x${(0xd0000 + index).toString(16).padStart(40, '0')}`,
      addressIndex: index,
      xpubId: 'synthetic',
      createdAtMs: deps.clock.now(),
      pricedAtMs: deps.clock.now(),
    });
    quotes.push({ ...quote, watchUntilMs: order.watchUntilMs });
  }
  return { order, quotes };
}

/** Blocks `from..to` of a made-up chain; `fork` names the branch, so two forks differ in hashes. */
export function buildBlocks(from: bigint, to: bigint, fork = 'a'): ChainBlock[] {
  const hashOf = (n: bigint, f: string) => `0x${f.repeat(2)}${n.toString(16).padStart(62, '0')}`;
  const blocks: ChainBlock[] = [];
  for (let n = from; n <= to; n += 1n) {
    // The fork's first block hangs off the main branch, like a real reorg.
    const parentFork = n === from ? 'a' : fork;
    blocks.push({ blockNumber: n, blockHash: hashOf(n, fork), parentHash: hashOf(n - 1n, parentFork) });
  }
  return blocks;
}

/** A transfer of `amount` base units of `symbol` into `to`, in block `block` of branch `fork`. */
export function buildTransfer(p: {
  readonly txid: number;
  readonly block: bigint;
  readonly to: string;
  readonly symbol: string;
  readonly amount: bigint;
  readonly logIndex?: number;
  readonly fork?: string;
}): Transfer {
  const t = SYNTHETIC_NETWORK.tokens.find((tk) => tk.symbol === p.symbol);
  if (t === undefined) throw new Error(`no ${p.symbol}`);
  const blockHash = buildBlocks(p.block, p.block, p.fork ?? 'a')[0]?.blockHash as `0x${string}`;
  return {
    networkKey: 'DEV',
    txid: `0x${p.txid.toString(16).padStart(64, '0')}`,
    logIndex: t.contract === null ? -1 : (p.logIndex ?? 0),
    blockNumber: p.block,
    blockHash,
    from: '0x000000000000000000000000000000000000f00d',
    to: p.to as `0x${string}`,
    contract: t.contract,
    amount: p.amount,
  };
}
