import { KassaError } from '../core/KassaError.ts';
import { type CoinTokenListing, type ListCoinsDeps, listCoins } from './listCoins.ts';

/**
 * Every network the coin of `tokenId` is offered on, that token's own network included
 * (`token/chain`); an unknown token is `unsupported_token`.
 */
export async function listTokenChains(deps: ListCoinsDeps, tokenId: string): Promise<readonly CoinTokenListing[]> {
  const coins = await listCoins(deps);
  const coin = coins.find((c) => c.tokens.some((entry) => entry.token.tokenId === tokenId));
  if (coin === undefined) {
    throw new KassaError({ code: 'unsupported_token', message: `token_id: ${tokenId} is not offered on any network` });
  }
  return coin.tokens;
}
