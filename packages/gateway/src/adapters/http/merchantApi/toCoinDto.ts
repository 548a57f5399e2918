import type { Coin } from '@kassa/sdk';
import type { CoinListing } from '../../../app/listCoins.ts';
import { formatDecimal } from '../../../core/money/Decimal.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import { wireChainOf } from '../../../protocol/wireChainOf.ts';
import { wireContractOf } from '../../../protocol/wireContractOf.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';

/** `status` on the wire (spec §9): 1 normal, 2 maintenance (no fresh rate, or the watcher lags). */
const NORMAL = 1;
const MAINTENANCE = 2;

/**
 * One `coin/all` item (spec §9), in the documented key order. No logos are served: `logo` and
 * `chain_logo` are `""`; `price` is `""` while no fresh rate exists (the status says why);
 * `min` is the smallest amount at the coin's precision, since Kassa records payments of any size.
 */
export function toCoinDto(coin: CoinListing): Coin {
  return {
    coin_id: deriveCoinId(coin.symbol),
    symbol: coin.symbol,
    crypto: coin.symbol,
    name: coin.name,
    logo: '',
    min: formatAmount(1n, coin.decimals),
    price: coin.rate === null ? '' : formatDecimal(coin.rate),
    precision: coin.decimals,
    status: coin.isAvailable ? NORMAL : MAINTENANCE,
    tokens: coin.tokens.map(({ network, token, isAvailable }) => ({
      token_id: token.tokenId,
      crypto: token.symbol,
      logo: '',
      name: token.name,
      is_support_memo: false,
      network: network.standard,
      chain: wireChainOf(network),
      // Lower case like `bill/info` and webhooks, so a merchant can match contracts across replies.
      contract: wireContractOf({ contract: token.contract?.toLowerCase() ?? null, networkKey: network.key }, [network]),
      chain_logo: '',
      status: isAvailable ? NORMAL : MAINTENANCE,
      precision: token.decimals,
    })),
  };
}

/**
 * A coin's stable id: the token-id scheme over the pseudo-network `coin` and the symbol. Network
 * keys are upper case, so no token id can take the same name.
 */
export function deriveCoinId(symbol: string): string {
  return deriveTokenId('coin', symbol.toUpperCase());
}
