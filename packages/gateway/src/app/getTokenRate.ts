import type { NetworkToken } from '../core/findToken.ts';
import { convertUsdAmountToToken } from '../core/money/convertUsdAmountToToken.ts';
import type { Decimal } from '../core/money/Decimal.ts';
import { requireFreshRate } from '../core/requireFreshRate.ts';
import { requireToken } from '../core/requireToken.ts';
import type { TokenRateRequest } from '../protocol/request/parseTokenRateRequest.ts';
import type { Deps } from './Deps.ts';

export type GetTokenRateDeps = Pick<Deps, 'networks' | 'rateSource'>;

/** A validated `token/rate` request: the token and the USD amount to price in it. */
export type GetTokenRateParameters = TokenRateRequest;

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
export function getTokenRate(deps: GetTokenRateDeps, { tokenId, amountUsd }: GetTokenRateParameters): TokenRate {
  const found = requireToken(deps.networks, tokenId);
  const rate = requireFreshRate(deps.rateSource, found.token.symbol);
  return { ...found, rate, value: convertUsdAmountToToken(amountUsd, rate, found.token.decimals) };
}
