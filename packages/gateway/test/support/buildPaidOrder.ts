import type { Order } from '../../src/core/Order.ts';
import type { Payment, PaymentStatus } from '../../src/core/Payment.ts';
import type { Quote } from '../../src/core/Quote.ts';

export type BuildPaidOrderParameters = {
  /** Makes the ids unique: order `ORD…n`, record `REC…n`, merchant order `M-n`. */
  readonly n: number;
  readonly appId: string;
  readonly nowMs: number;
  readonly notifyUrl?: string | null;
  readonly paymentStatus?: PaymentStatus;
  /** Base units paid; default the full 12.5 USDT (6 decimals). */
  readonly amount?: bigint;
};

/** The records `buildPaidOrder` makes. */
export type PaidOrder = { order: Order; quote: Quote; payment: Payment };

/** In-memory order, quote and payment records of a USDT order paid in full (no rows are written). */
export function buildPaidOrder(p: BuildPaidOrderParameters): PaidOrder {
  const digits = String(p.n).padStart(12, '0');
  const orderId = `2026112012000000000000${digits.slice(-11)}`;
  const order: Order = {
    orderId,
    appId: p.appId,
    merchantOrderId: `M-${p.n}`,
    kind: 'hosted',
    productName: 'Tea',
    productPrice: '12.5',
    denominatedCurrency: 'USD',
    priceUsdCents: 1250n,
    validPeriodSeconds: 3600,
    returnUrl: null,
    notifyUrl: p.notifyUrl ?? null,
    customValue: `cv-${p.n}`,
    remark: null,
    checkoutToken: `token-${digits}`,
    requestFingerprint: 'f',
    status: { funds: 'full', isOverdue: false },
    createdAtMs: p.nowMs,
    expiresAtMs: p.nowMs + 3_600_000,
    watchUntilMs: p.nowMs + 7 * 86_400_000,
  };
  const quote: Quote = {
    quoteId: p.n,
    orderId,
    networkKey: 'DEV',
    tokenId: '0b7a6a4e-0000-5000-8000-000000000001',
    symbol: 'USDT',
    contract: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
    decimals: 6,
    tokenRate: '1',
    amount: 12_500_000n,
    address: '0x1111111111111111111111111111111111111111',
    addressIndex: p.n,
    xpubId: 'x',
    createdAtMs: p.nowMs,
    pricedAtMs: p.nowMs,
  };
  const payment: Payment = {
    recordId: `2026112012000000000001${digits.slice(-11)}`,
    orderId,
    quoteId: p.n,
    networkKey: 'DEV',
    txid: `0x${digits.padStart(64, 'a')}`,
    logIndex: 0,
    blockNumber: 100n,
    blockHash: `0x${'b'.repeat(64)}`,
    fromAddress: '0x2222222222222222222222222222222222222222',
    toAddress: quote.address,
    contract: quote.contract,
    amount: p.amount ?? quote.amount,
    status: p.paymentStatus ?? 'success',
    seenAtMs: p.nowMs,
    confirmedAtMs: p.nowMs,
    failedAtMs: null,
  };
  return { order, quote, payment };
}
