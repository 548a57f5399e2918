import type { OrderStatus } from './OrderStatus.ts';

/** How the order was made: the buyer picks the coin (`hosted`) or the merchant did (`native`). */
export type OrderKind = 'hosted' | 'native';

/** What the buyer pays for: created by `concise/url/get` or `bill/create`. */
export type Order = {
  readonly orderId: string;
  readonly appId: string;
  readonly merchantOrderId: string;
  readonly kind: OrderKind;
  readonly productName: string;
  /** Canonical decimal string in `denominatedCurrency`. */
  readonly productPrice: string;
  readonly denominatedCurrency: 'USD' | 'token';
  /** Price in USD cents; null for token-denominated orders. */
  readonly priceUsdCents: bigint | null;
  readonly validPeriodSeconds: number;
  readonly returnUrl: string | null;
  readonly notifyUrl: string | null;
  readonly customValue: string | null;
  readonly remark: string | null;
  readonly checkoutToken: string;
  readonly requestFingerprint: string;
  readonly status: OrderStatus;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  readonly watchUntilMs: number;
};
