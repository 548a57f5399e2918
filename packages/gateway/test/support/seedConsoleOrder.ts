import type { Order } from '../../src/core/Order.ts';
import type { OrderStatus } from '../../src/core/OrderStatus.ts';
import type { Payment, PaymentStatus } from '../../src/core/Payment.ts';
import type { Store } from '../../src/core/ports.ts';
import type { Quote } from '../../src/core/Quote.ts';

/** The coin an order was quoted in, and where it is to be paid. */
export type SeedConsoleQuote = {
  readonly networkKey: string;
  readonly symbol: string;
  readonly decimals: number;
  /** Lower-case; null for the native coin. */
  readonly contract: string | null;
  readonly tokenRate: string;
  readonly amount: bigint;
  /** Lower-case 0x hex. */
  readonly address: string;
};

export type SeedConsoleOrderParameters = {
  /** Makes the ids unique: order id `n` padded to 33 digits, merchant order id `M-n` unless given. */
  readonly n: number;
  readonly appId: string;
  readonly createdAtMs: number;
  readonly status?: OrderStatus;
  readonly merchantOrderId?: string;
  readonly productName?: string;
  readonly customValue?: string | null;
  readonly notifyUrl?: string | null;
  readonly priceUsdCents?: bigint;
  /** Quotes in the order made (the last is the newest). */
  readonly quotes?: readonly SeedConsoleQuote[];
  /** A payment into the newest quote. */
  readonly payment?: {
    readonly txid: string;
    readonly amount: bigint;
    readonly status: PaymentStatus;
    readonly atMs: number;
  };
};

/** Writes an order with its quotes and a payment through the real stores, as the console reads them. */
export async function seedConsoleOrder(
  store: Store,
  p: SeedConsoleOrderParameters,
): Promise<{ order: Order; quotes: Quote[]; payment: Payment | null }> {
  const orderId = String(p.n).padStart(33, '0');
  const priceUsdCents = p.priceUsdCents ?? 1250n;
  const order: Order = {
    orderId,
    appId: p.appId,
    merchantOrderId: p.merchantOrderId ?? `M-${p.n}`,
    kind: 'hosted',
    productName: p.productName ?? `Tea ${p.n}`,
    productPrice: String(Number(priceUsdCents) / 100),
    denominatedCurrency: 'USD',
    priceUsdCents,
    validPeriodSeconds: 3600,
    returnUrl: null,
    notifyUrl: p.notifyUrl ?? null,
    customValue: p.customValue === undefined ? `cv-${p.n}` : p.customValue,
    remark: null,
    checkoutToken: `token-${orderId}`,
    requestFingerprint: 'f',
    status: p.status ?? { funds: 'none', isOpen: true },
    createdAtMs: p.createdAtMs,
    expiresAtMs: p.createdAtMs + 3_600_000,
    watchUntilMs: p.createdAtMs + 8 * 86_400_000,
  };
  await store.orders.insertOrder(order);
  const quotes: Quote[] = [];
  for (const [i, q] of (p.quotes ?? []).entries()) {
    quotes.push(
      await store.quotes.insertQuote({
        orderId,
        tokenId: `token-${q.networkKey}-${q.symbol}`,
        addressIndex: p.n * 10 + i,
        xpubId: 'x',
        createdAtMs: p.createdAtMs + i,
        pricedAtMs: p.createdAtMs + i,
        ...q,
      }),
    );
  }
  const quote = quotes.at(-1);
  if (p.payment === undefined || quote === undefined) return { order, quotes, payment: null };
  const payment: Payment = {
    recordId: `R${orderId.slice(1)}`,
    orderId,
    quoteId: quote.quoteId,
    networkKey: quote.networkKey,
    txid: p.payment.txid,
    logIndex: 0,
    blockNumber: 100n,
    blockHash: `0x${'b'.repeat(64)}`,
    fromAddress: `0x${'2'.repeat(40)}`,
    toAddress: quote.address,
    contract: quote.contract,
    amount: p.payment.amount,
    status: p.payment.status,
    seenAtMs: p.payment.atMs,
    confirmedAtMs: p.payment.status === 'success' ? p.payment.atMs : null,
    failedAtMs: p.payment.status === 'failed' ? p.payment.atMs : null,
  };
  await store.payments.insertPayment(payment);
  return { order, quotes, payment };
}
