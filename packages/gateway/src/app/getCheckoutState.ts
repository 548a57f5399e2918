import type { App } from '../core/App.ts';
import { appTakesToken } from '../core/appTakesToken.ts';
import { findNewestQuote } from '../core/findNewestQuote.ts';
import { convertUsdToToken } from '../core/money/convertUsdToToken.ts';
import type { Network, Token } from '../core/network.ts';
import type { Order } from '../core/Order.ts';
import type { Payment, PaymentStatus } from '../core/Payment.ts';
import type { Quote } from '../core/Quote.ts';
import { RateUnavailableError } from '../core/RateUnavailableError.ts';
import { type OrderSummary, summarizeOrder } from '../core/summarizeOrder.ts';
import { type RefreshQuoteDeps, refreshQuote } from './refreshQuote.ts';

export type GetCheckoutStateDeps = RefreshQuoteDeps;

export type GetCheckoutStateParameters = {
  /** The order's public token, from the checkout URL. */
  readonly checkoutToken: string;
};

/** A payment into one of the order's addresses, as the buyer may look it up on an explorer. */
export type CheckoutPayment = {
  /** As held (`0x…`); the network's kind writes it as its explorer does. */
  readonly txid: string;
  /** The network it was paid on (null if it left the config): its kind and explorer link the txid. */
  readonly network: Network | null;
  readonly amount: bigint;
  readonly symbol: string;
  readonly decimals: number;
};

/** A payment seen on chain but not yet deep enough to count. */
export type CheckoutPendingPayment = CheckoutPayment & {
  /** Blocks from the payment's block to the scanned head, both included (0 when unknown). */
  readonly confirmations: number;
  readonly requiredConfirmations: number;
};

/** A coin the buyer may pick, with what it would cost at the current rate. */
export type CheckoutCoinOption = {
  readonly token: Token;
  readonly network: Network;
  /** Base units at the current rate (rounded up), or null when no fresh rate exists. */
  readonly amount: bigint | null;
};

/** Everything the checkout page shows about one order at one moment. */
export type CheckoutState = {
  readonly order: Order;
  readonly summary: OrderSummary;
  /** The newest quote's network (null before a coin was picked, or if it left the config). */
  readonly network: Network | null;
  readonly nowMs: number;
  /** The valid period has not ended. */
  readonly isOpen: boolean;
  /** The buyer may still pick another coin: open, hosted, and no payment seen (failed ones aside). */
  readonly canChangeCoin: boolean;
  readonly pendingPayments: readonly CheckoutPendingPayment[];
  /** Payments that count (confirmed), oldest first. */
  readonly recordedPayments: readonly CheckoutPayment[];
  /** The coins on offer, in configuration order; empty when the coin cannot change. */
  readonly coinOptions: readonly CheckoutCoinOption[];
  /** The newest quote's price ran out and no fresh rate exists to renew it: it must not be paid. */
  readonly isQuoteUnpriced: boolean;
};

/**
 * Loads the checkout page's view of an order by its public token (null when unknown): status from
 * confirmed payments (spec §6), payments still waiting for confirmations, and the coins on offer.
 * Looking at an unpaid quote of a volatile coin whose price ran out re-prices it (`refreshQuote`).
 */
export async function getCheckoutState(
  deps: GetCheckoutStateDeps,
  { checkoutToken }: GetCheckoutStateParameters,
): Promise<CheckoutState | null> {
  const order = await deps.store.orders.findOrderByCheckoutToken(checkoutToken);
  if (order === null) return null;
  const [app, loadedQuotes, payments] = await Promise.all([
    deps.store.apps.findApp(order.appId),
    deps.store.quotes.listQuotesForOrders([order.orderId]),
    deps.store.payments.listPaymentsForOrders([order.orderId]),
  ]);
  // An invariant: orders reference their app by foreign key, and apps are never deleted.
  if (app === null) throw new Error(`order ${order.orderId} belongs to no app`);
  let quotes = loadedQuotes;
  let isQuoteUnpriced = false;
  const newest = findNewestQuote(quotes);
  if (newest !== null && payments.length === 0) {
    try {
      const refreshed = await refreshQuote(deps, { order, quote: newest });
      if (refreshed !== newest) quotes = quotes.map((q) => (q.quoteId === refreshed.quoteId ? refreshed : q));
    } catch (error) {
      if (!(error instanceof RateUnavailableError)) throw error;
      isQuoteUnpriced = true;
    }
  }
  return { ...(await buildState(deps, { order, app, quotes, payments, nowMs: deps.clock.now() })), isQuoteUnpriced };
}

async function buildState(
  deps: GetCheckoutStateDeps,
  p: { order: Order; app: App; quotes: readonly Quote[]; payments: readonly Payment[]; nowMs: number },
): Promise<Omit<CheckoutState, 'isQuoteUnpriced'>> {
  const { order, nowMs } = p;
  const summary = summarizeOrder({
    order,
    quotes: p.quotes,
    payments: p.payments,
    tolerance: p.app.paymentTolerance,
    nowMs,
  });
  const isOpen = nowMs < order.expiresAtMs;
  const canChangeCoin = isOpen && order.kind === 'hosted' && p.payments.every((x) => x.status === 'failed');
  const payments = await listPaymentViews(deps, p.quotes, p.payments);
  return {
    order,
    summary,
    network: summary.newestQuote === null ? null : findNetwork(deps.networks, summary.newestQuote.networkKey),
    nowMs,
    isOpen,
    canChangeCoin,
    ...payments,
    coinOptions: canChangeCoin ? listCoinOptions(deps, order, p.app) : [],
  };
}

/** The payments still confirming, with their depth, and the ones that count. */
async function listPaymentViews(
  deps: GetCheckoutStateDeps,
  quotes: readonly Quote[],
  payments: readonly Payment[],
): Promise<Pick<CheckoutState, 'pendingPayments' | 'recordedPayments'>> {
  const quoteById = new Map(quotes.map((q) => [q.quoteId, q]));
  const pending = payments.filter((x) => x.status === ('processing' satisfies PaymentStatus));
  const heights = new Map<string, bigint | null>();
  for (const key of new Set(pending.map((x) => x.networkKey))) {
    // The watcher's cursor, not the node's head: the database is the source of truth because the
    // watcher may run in another process, and it is what confirmations are counted against.
    const nextBlock = await deps.store.chain.findCursor(key);
    heights.set(key, nextBlock === null ? null : nextBlock - 1n);
  }
  const viewOf = (payment: Payment): CheckoutPayment[] => {
    const quote = quoteById.get(payment.quoteId);
    if (quote === undefined) return [];
    const network = findNetwork(deps.networks, payment.networkKey);
    return [{ txid: payment.txid, network, amount: payment.amount, symbol: quote.symbol, decimals: quote.decimals }];
  };
  const pendingPayments = pending.flatMap((payment): CheckoutPendingPayment[] => {
    const height = heights.get(payment.networkKey) ?? null;
    const depth = height === null ? 0n : height - payment.blockNumber + 1n;
    const required = findNetwork(deps.networks, payment.networkKey)?.confirmations ?? 1;
    return viewOf(payment).map((view) => ({
      ...view,
      // Clamped: the head may already be past the depth the watcher has not yet acted on.
      confirmations: Math.min(Math.max(Number(depth), 0), required),
      requiredConfirmations: required,
    }));
  });
  const recorded = payments
    .filter((x) => x.status === ('success' satisfies PaymentStatus) && x.confirmedAtMs !== null)
    .sort((a, b) => (a.confirmedAtMs ?? 0) - (b.confirmedAtMs ?? 0));
  return { pendingPayments, recordedPayments: recorded.flatMap(viewOf) };
}

function listCoinOptions(deps: GetCheckoutStateDeps, order: Order, app: App): CheckoutCoinOption[] {
  const priceUsdCents = order.priceUsdCents;
  if (priceUsdCents === null) return [];
  return deps.networks.flatMap((network) =>
    network.tokens
      .filter((token) => appTakesToken(app, token.tokenId))
      .map((token) => {
        const rate = deps.rateSource.getRate(token.symbol);
        const amount =
          rate.ok && rate.rate.units > 0n ? convertUsdToToken(priceUsdCents, rate.rate, token.decimals) : null;
        return { token, network, amount };
      }),
  );
}

function findNetwork(networks: readonly Network[], key: string): Network | null {
  return networks.find((n) => n.key === key) ?? null;
}
