import { createOrder } from '../../src/app/createOrder.ts';
import type { App } from '../../src/core/App.ts';
import type { Order } from '../../src/core/Order.ts';
import type { Clock, IdSource, Store, WatchedQuote } from '../../src/core/ports.ts';
import { SYNTHETIC_NETWORK } from './syntheticNetwork.ts';

export type SeedWatchedOrderParameters = {
  readonly app: App;
  readonly merchantOrderId: string;
  readonly priceUsd: string;
  readonly symbols: readonly string[];
  readonly validPeriodSeconds?: number;
  /** Where this order's webhooks go; default the app's webhook URL. */
  readonly notifyUrl?: string;
};

/** Inserts an order of `priceUsd` with one quote per symbol (1 USD rate, or 2000 for ETH); the last is the newest. */
export async function seedWatchedOrder(
  deps: { readonly store: Store; readonly clock: Clock; readonly ids: IdSource },
  p: SeedWatchedOrderParameters,
): Promise<{ order: Order; quotes: WatchedQuote[] }> {
  const [whole = '0', fraction = ''] = p.priceUsd.split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  const order = await createOrder(
    { ...deps, latePaymentWindowSeconds: 7 * 86_400 },
    {
      app: p.app,
      request: {
        merchantOrderId: p.merchantOrderId,
        productName: p.merchantOrderId,
        productPrice: p.priceUsd,
        priceUsdCents: cents,
        validPeriodSeconds: p.validPeriodSeconds ?? 3600,
        returnUrl: null,
        notifyUrl: p.notifyUrl ?? null,
        customValue: null,
      },
    },
  );
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
