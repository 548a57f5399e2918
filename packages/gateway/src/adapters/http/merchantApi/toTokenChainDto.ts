import type { CoinTokenListing } from '../../../app/listCoins.ts';
import { wireChainOf } from '../../../protocol/wireChainOf.ts';
import { wireContractOf } from '../../../protocol/wireContractOf.ts';

/** One `token/chain` item (spec §9), in the documented key order (`is_support_memo` after `chain_logo`). */
export function toTokenChainDto({ network, token, isAvailable }: CoinTokenListing) {
  return {
    token_id: token.tokenId,
    crypto: token.symbol,
    logo: '',
    name: token.name,
    network: network.standard,
    chain: wireChainOf(network),
    contract: wireContractOf({ contract: token.contract?.toLowerCase() ?? null, networkKey: network.key }, [network]),
    chain_logo: '',
    is_support_memo: false,
    status: isAvailable ? 1 : 2,
  };
}
