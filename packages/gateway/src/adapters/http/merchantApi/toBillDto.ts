import type { BillData } from '@kassa/sdk';
import type { Bill } from '../../../app/createBill.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Network } from '../../../core/network.ts';
import { wireChainOf } from '../../../protocol/wireChainOf.ts';

/**
 * The `bill/create` reply (spec §5), in the documented key order. `network` is the chain key
 * (`ETH`, `BSC`, `TRX`, …) because the standard label alone (`ERC20`) would not say which chain
 * to pay on; the address goes out as wallets write it (EIP-55, so they can verify it; TRON `T…`).
 */
export function toBillDto({ order, quote }: Bill, network: Network): BillData {
  return {
    order_id: order.orderId,
    amount: formatAmount(quote.amount, quote.decimals),
    product_price: order.productPrice,
    // No logos are served yet; an empty string keeps the key for clients that read it.
    logo: '',
    network: wireChainOf(network),
    pay_address: network.kind.formatAddress(quote.address),
    crypto: quote.symbol,
    token_id: quote.tokenId,
    memo: '',
    order_valid_period: order.validPeriodSeconds,
  };
}
