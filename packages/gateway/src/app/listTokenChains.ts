import type { App } from '../core/App.ts';
import { UnsupportedTokenError } from '../core/UnsupportedTokenError.ts';
import { type CoinTokenListing, type ListCoinsDeps, listCoins } from './listCoins.ts';

export type ListTokenChainsDeps = ListCoinsDeps;

export type ListTokenChainsParameters = {
  /** Any token of the coin asked about. */
  readonly tokenId: string;
  /** Only the networks where this app takes the coin. */
  readonly app?: Pick<App, 'enabledTokenIds'>;
};

/**
 * Every network the coin of `tokenId` is offered on, that token's own network included
 * (`token/chain`); an unknown token is `unsupported_token`.
 */
export async function listTokenChains(
  deps: ListTokenChainsDeps,
  { tokenId, app }: ListTokenChainsParameters,
): Promise<readonly CoinTokenListing[]> {
  const coins = await listCoins(deps, app);
  const coin = coins.find((c) => c.tokens.some((entry) => entry.token.tokenId === tokenId));
  if (coin === undefined) throw new UnsupportedTokenError({ tokenId });
  return coin.tokens;
}
