import type { CoinListing } from '../../../app/listCoins.ts';
import { formatDecimal } from '../../../core/money/Decimal.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';

/**
 * The deprecated `support/token` list (spec §9): one item per token on each network, keys in the
 * documented order; `min` at that token's precision, `price` the coin's (`""` without a fresh rate).
 */
export function toSupportTokenDto(coin: CoinListing) {
  return coin.tokens.map(({ token }) => ({
    crypto: token.symbol,
    name: token.name,
    logo: '',
    min: formatAmount(1n, token.decimals),
    price: coin.rate === null ? '' : formatDecimal(coin.rate),
    token_id: token.tokenId,
  }));
}
