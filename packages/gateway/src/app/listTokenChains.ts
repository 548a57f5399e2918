import { UnsupportedTokenError } from '../core/UnsupportedTokenError.ts';
import { type CoinTokenListing, type ListCoinsDeps, listCoins } from './listCoins.ts';

export type ListTokenChainsDeps = ListCoinsDeps;

export type ListTokenChainsParameters = {
  /** Any token of the coin asked about. */
  readonly tokenId: string;
};

/**
 * Every network the coin of `tokenId` is offered on, that token's own network included
 * (`token/chain`); an unknown token is `unsupported_token`.
 */
export async function listTokenChains(
  deps: ListTokenChainsDeps,
  { tokenId }: ListTokenChainsParameters,
): Promise<readonly CoinTokenListing[]> {
  const coins = await listCoins(deps);
  const coin = coins.find((c) => c.tokens.some((entry) => entry.token.tokenId === tokenId));
  if (coin === undefined) throw new UnsupportedTokenError({ tokenId });
  return coin.tokens;
}
