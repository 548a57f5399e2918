import type { OrderInfo as OrderInfoDto } from '@kassa/sdk';
import type { OrderInfo } from '../../../app/getOrders.ts';
import type { App } from '../../../core/App.ts';
import { calculateServiceFee } from '../../../core/money/calculateServiceFee.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Network } from '../../../core/network.ts';
import type { PaymentStatus } from '../../../core/Payment.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import { toWireNetwork } from '../../../protocol/toWireNetwork.ts';
import { wireContractOf } from '../../../protocol/wireContractOf.ts';

const TRADE_STATUS = {
  processing: 'Processing',
  success: 'Successful',
  failed: 'Failed',
} as const satisfies Record<PaymentStatus, string>;

/**
 * The `bill/info` item of one order (spec §6): the allowlist of what leaves, in the documented key
 * order. Coin fields are `""` until the buyer picks a coin.
 */
export function toOrderInfoDto(info: OrderInfo, app: App, networks: readonly Network[]): OrderInfoDto {
  const { order, summary } = info;
  const quote = summary.newestQuote;
  const quoteById = new Map(info.quotes.map((q) => [q.quoteId, q]));
  return {
    order_detail: {
      order_id: order.orderId,
      merchant_order_id: order.merchantOrderId,
      product_name: order.productName,
      product_price: order.productPrice,
      denominated_currency: order.denominatedCurrency === 'USD' ? 'USD' : (quote?.symbol ?? ''),
      chain: quote === null ? '' : toWireNetwork(quote.networkKey, networks).chain,
      contract: quote === null ? '' : wireContractOf(quote, networks),
      crypto: quote?.symbol ?? '',
      order_amount: quote === null ? '' : formatAmount(quote.amount, quote.decimals),
      token_rate: quote?.tokenRate ?? '',
      status: toOrderWireStatus(summary.status),
      created: Math.floor(order.createdAtMs / 1000),
      custom_value: order.customValue ?? '',
      paid_amount: quote === null ? '0' : formatAmount(summary.paidAmount, quote.decimals),
      expired_at: Math.floor(order.expiresAtMs / 1000),
    },
    trade_list: info.payments.flatMap((payment) => {
      const paidQuote = quoteById.get(payment.quoteId);
      if (paidQuote === undefined) return [];
      const wire = toWireNetwork(paidQuote.networkKey, networks);
      return [
        {
          record_id: payment.recordId,
          amount: formatAmount(payment.amount, paidQuote.decimals),
          chain: wire.chain,
          contract: wireContractOf(paidQuote, networks),
          crypto: paidQuote.symbol,
          service_fee: formatAmount(calculateServiceFee(payment.amount, app.feeRate), paidQuote.decimals),
          network_fee: '0',
          txid: wire.formatTxid(payment.txid),
          pay_time: Math.floor(payment.seenAtMs / 1000),
          token_rate: paidQuote.tokenRate,
          status: TRADE_STATUS[payment.status],
          from_address: wire.formatAddress(payment.fromAddress),
          to_address: wire.formatAddress(payment.toAddress),
        },
      ];
    }),
    refund_list: [],
  };
}
