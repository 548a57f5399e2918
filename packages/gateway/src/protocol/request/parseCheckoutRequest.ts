import type { CreateCheckoutUrlRequest } from '@kassa/sdk';
import { InvalidParamError } from '../../core/InvalidParamError.ts';
import { formatAmount } from '../../core/money/formatAmount.ts';
import {
  pickField,
  readAmount,
  readOptionalSeconds,
  readOptionalText,
  readOptionalUrl,
  readRequiredText,
  type WireBody,
} from './fieldReaders.ts';

/** Legacy names of `product_price` and `order_valid_period` that v1 clients still send. */
export type LegacyOrderFields = { amount: unknown; valid_timestamp: unknown };

/** A `concise/url/get` body as it arrives. */
export type CheckoutRequestBody = WireBody<CreateCheckoutUrlRequest & LegacyOrderFields>;

/** A validated `concise/url/get` request (spec §4). */
export type CheckoutRequest = {
  readonly merchantOrderId: string;
  readonly productName: string;
  /** Canonical decimal string of the USD price, e.g. "10.5". */
  readonly productPrice: string;
  readonly priceUsdCents: bigint;
  readonly validPeriodSeconds: number;
  readonly returnUrl: string | null;
  readonly notifyUrl: string | null;
  readonly customValue: string | null;
};

export const DEFAULT_VALID_PERIOD_SECONDS = 86_400;
export const MAX_VALID_PERIOD_SECONDS = 864_000;
export const MIN_VALID_PERIOD_SECONDS = 60;
/** One billion dollars, in cents. */
const MAX_PRICE_USD_CENTS = 100_000_000_000n;

/** Validates a hosted-checkout request; throws InvalidParamError naming the field and rule. */
export function parseCheckoutRequest(body: CheckoutRequestBody): CheckoutRequest {
  const merchantOrderId = readRequiredText(body, ['merchant_order_id'], { maxLength: 128, printable: true });
  const productName = readRequiredText(body, ['product_name'], { maxLength: 256, printable: true });
  const priceUsdCents = readUsdPrice(body);
  return {
    merchantOrderId,
    productName,
    productPrice: formatAmount(priceUsdCents, 2),
    priceUsdCents,
    validPeriodSeconds: readValidPeriod(body),
    returnUrl: readOptionalUrl(body, ['return_url']),
    notifyUrl: readOptionalUrl(body, ['notify_url']),
    customValue: readOptionalText(body, ['custom_value'], { maxLength: 1024 }),
  };
}

/** Reads `product_price` (legacy alias `amount`; `product_price` wins when both are present). */
export function readUsdPrice(
  body: WireBody<Pick<CreateCheckoutUrlRequest, 'product_price'> & LegacyOrderFields>,
): bigint {
  const found = pickField(body, ['product_price', 'amount']);
  if (found === null) throw new InvalidParamError({ field: 'product_price', rule: 'is required' });
  const cents = readAmount('product_price', found.value, 2);
  if (cents <= 0n) throw new InvalidParamError({ field: 'product_price', rule: 'must be greater than 0' });
  if (cents > MAX_PRICE_USD_CENTS) throw new InvalidParamError({ field: 'product_price', rule: 'at most 1000000000' });
  return cents;
}

/** Reads `order_valid_period` (legacy alias `valid_timestamp`); absent or 0 → one day. */
export function readValidPeriod(
  body: WireBody<Pick<CreateCheckoutUrlRequest, 'order_valid_period'> & LegacyOrderFields>,
): number {
  const seconds = readOptionalSeconds(body, ['order_valid_period', 'valid_timestamp']);
  if (seconds === null) return DEFAULT_VALID_PERIOD_SECONDS;
  if (seconds < MIN_VALID_PERIOD_SECONDS) {
    throw new InvalidParamError({ field: 'order_valid_period', rule: `at least ${MIN_VALID_PERIOD_SECONDS} seconds` });
  }
  if (seconds > MAX_VALID_PERIOD_SECONDS) {
    throw new InvalidParamError({ field: 'order_valid_period', rule: `at most ${MAX_VALID_PERIOD_SECONDS} seconds` });
  }
  return seconds;
}
