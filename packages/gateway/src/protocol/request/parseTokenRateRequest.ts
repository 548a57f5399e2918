import type { TokenRateRequest as TokenRateRequestWire } from '@kassa/sdk';
import { InvalidParamError } from '../../core/InvalidParamError.ts';
import type { Decimal } from '../../core/money/Decimal.ts';
import { pickField, readAmount, readRequiredText, type WireBody } from './fieldReaders.ts';

/** A validated `token/rate` request (spec §9). */
export type TokenRateRequest = {
  readonly tokenId: string;
  /** The USD amount to convert, exact. */
  readonly amountUsd: Decimal;
};

/**
 * USD amounts may carry more decimals than a price (a merchant converting a unit price), but not
 * without bound: 18 places is finer than any token's base unit is worth.
 */
export const MAX_USD_AMOUNT_DECIMALS = 18;
/** One billion dollars, as for `product_price`. */
const MAX_USD_AMOUNT = 10n ** BigInt(9 + MAX_USD_AMOUNT_DECIMALS);

/** Reads `{amount, token_id}`; throws InvalidParamError naming the field and the rule. */
export function parseTokenRateRequest(body: WireBody<TokenRateRequestWire>): TokenRateRequest {
  const tokenId = readRequiredText(body, ['token_id'], { maxLength: 64, printable: true });
  const found = pickField(body, ['amount']);
  if (found === null) throw new InvalidParamError({ field: 'amount', rule: 'is required' });
  const units = readAmount('amount', found.value, MAX_USD_AMOUNT_DECIMALS);
  if (units <= 0n) throw new InvalidParamError({ field: 'amount', rule: 'must be greater than 0' });
  if (units > MAX_USD_AMOUNT) throw new InvalidParamError({ field: 'amount', rule: 'at most 1000000000' });
  return { tokenId, amountUsd: { units, scale: MAX_USD_AMOUNT_DECIMALS } };
}
