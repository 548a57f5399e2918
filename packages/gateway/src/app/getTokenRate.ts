import { findToken, type NetworkToken } from '../core/findToken.ts';
import { KassaError } from '../core/KassaError.ts';
import { convertUsdAmountToToken } from '../core/money/convertUsdAmountToToken.ts';
import type { Decimal } from '../core/money/Decimal.ts';
import type { Network } from '../core/network.ts';
import type { RateSource } from '../core/RateSource.ts';
import type { TokenRateRequest } from '../protocol/request/parseTokenRateRequest.ts';

export type GetTokenRateDeps = {
  readonly networks: readonly Network[];
  readonly rateSource: RateSource;
};

export type TokenRate = NetworkToken & {
  /** USD per whole token. */
  readonly rate: Decimal;
  /** How many base units the USD amount buys, rounded up (it is what a payer would owe). */
  readonly value: bigint;
};

/**
 * Prices a USD amount in a token (`token/rate`): unknown token → `unsupported_token`, no fresh
 * rate → `rate_unavailable`, never a guess.
 */
export function getTokenRate(deps: GetTokenRateDeps, request: TokenRateRequest): TokenRate {
  const found = findToken(deps.networks, request.tokenId);
  if (found === null) {
    throw new KassaError({
      code: 'unsupported_token',
      message: `token_id: ${request.tokenId} is not offered on any network`,
    });
  }
  const lookup = deps.rateSource.getRate(found.token.symbol);
  if (!lookup.ok) {
    throw new KassaError({
      code: 'rate_unavailable',
      message: `no fresh exchange rate for ${found.token.symbol} (${lookup.reason}); try again shortly`,
    });
  }
  const value = convertUsdAmountToToken(request.amountUsd, lookup.rate, found.token.decimals);
  return { ...found, rate: lookup.rate, value };
}
