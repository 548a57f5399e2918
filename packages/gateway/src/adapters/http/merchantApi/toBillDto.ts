import type { BillData } from '@kassa/sdk';
import type { Bill } from '../../../app/createBill.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import { checksumAddress } from '../../chains/evm/checksumAddress.ts';

/**
 * The `bill/create` reply (spec §5), in the documented key order. `network` is the chain key
 * (`ETH`, `BSC`, …) because the standard label alone (`ERC20`) would not say which chain to pay
 * on; the address goes out checksummed so wallets can verify it.
 */
export function toBillDto({ order, quote }: Bill): BillData {
  return {
    order_id: order.orderId,
    amount: formatAmount(quote.amount, quote.decimals),
    product_price: order.productPrice,
    // No logos are served yet; an empty string keeps the key for clients that read it.
    logo: '',
    network: quote.networkKey,
    pay_address: checksumAddress(quote.address),
    crypto: quote.symbol,
    token_id: quote.tokenId,
    memo: '',
    order_valid_period: order.validPeriodSeconds,
  };
}
