import type { CreateBillRequest } from '@kassa/sdk';
import { InvalidParamError } from '../../core/InvalidParamError.ts';
import { formatAmount } from '../../core/money/formatAmount.ts';
import type { Network } from '../../core/network.ts';
import { requireToken } from '../../core/requireToken.ts';
import {
  pickField,
  readAmount,
  readOptionalText,
  readOptionalUrl,
  readRequiredText,
  type WireBody,
} from './fieldReaders.ts';
import { type LegacyOrderFields, readUsdPrice, readValidPeriod } from './parseCheckoutRequest.ts';

/** A `bill/create` body as it arrives. */
export type BillRequestBody = WireBody<CreateBillRequest & LegacyOrderFields>;

/** A validated `bill/create` request (spec §5): an order with its coin already chosen. */
export type BillRequest = {
  readonly merchantOrderId: string;
  readonly tokenId: string;
  readonly denominatedCurrency: 'USD' | 'token';
  /** Canonical decimal string of the price in `denominatedCurrency`, e.g. "10.5". */
  readonly productPrice: string;
  /** USD orders: the price in cents; null when priced in the token. */
  readonly priceUsdCents: bigint | null;
  readonly validPeriodSeconds: number;
  readonly remark: string | null;
  readonly notifyUrl: string | null;
  readonly customValue: string | null;
};

/**
 * Validates a native-checkout request against the networks on offer: an unknown `token_id` is
 * `unsupported_token`; a token-denominated price must fit the token's decimals. Other rule breaks
 * throw InvalidParamError naming the field.
 */
export function parseBillRequest(body: BillRequestBody, networks: readonly Network[]): BillRequest {
  const merchantOrderId = readRequiredText(body, ['merchant_order_id'], { maxLength: 128, printable: true });
  const tokenId = readRequiredText(body, ['token_id'], { maxLength: 64, printable: true });
  const denominatedCurrency = readDenominatedCurrency(body);
  const found = requireToken(networks, tokenId);
  let productPrice: string;
  let priceUsdCents: bigint | null = null;
  if (denominatedCurrency === 'USD') {
    priceUsdCents = readUsdPrice(body);
    productPrice = formatAmount(priceUsdCents, 2);
  } else {
    const { decimals } = found.token;
    const units = readTokenPrice(body, decimals);
    productPrice = formatAmount(units, decimals);
  }
  return {
    merchantOrderId,
    tokenId,
    denominatedCurrency,
    productPrice,
    priceUsdCents,
    validPeriodSeconds: readValidPeriod(body),
    remark: readOptionalText(body, ['remark'], { maxLength: 256 }),
    notifyUrl: readOptionalUrl(body, ['notify_url']),
    customValue: readOptionalText(body, ['custom_value'], { maxLength: 1024 }),
  };
}

/** `USD` or `token`, in any case; required, because guessing would misprice the order. */
function readDenominatedCurrency(body: BillRequestBody): 'USD' | 'token' {
  const text = readRequiredText(body, ['denominated_currency'], { maxLength: 16, printable: true }).toLowerCase();
  if (text === 'usd') return 'USD';
  if (text === 'token') return 'token';
  throw new InvalidParamError({ field: 'denominated_currency', rule: 'must be USD or token' });
}

/** A price in the token itself (legacy alias `amount`), in base units. */
function readTokenPrice(body: BillRequestBody, decimals: number): bigint {
  const found = pickField(body, ['product_price', 'amount']);
  if (found === null) throw new InvalidParamError({ field: 'product_price', rule: 'is required' });
  const units = readAmount('product_price', found.value, decimals);
  if (units <= 0n) throw new InvalidParamError({ field: 'product_price', rule: 'must be greater than 0' });
  return units;
}
