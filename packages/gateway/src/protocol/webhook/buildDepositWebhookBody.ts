import type { WebhookPayload } from '@kassa/sdk';
import type { DeliveryEvent } from '../../core/Delivery.ts';
import { calculateServiceFee } from '../../core/money/calculateServiceFee.ts';
import type { Decimal } from '../../core/money/Decimal.ts';
import { formatAmount } from '../../core/money/formatAmount.ts';
import type { Order } from '../../core/Order.ts';
import type { OrderStatus } from '../../core/OrderStatus.ts';
import type { Payment } from '../../core/Payment.ts';
import type { Quote } from '../../core/Quote.ts';
import { toOrderWireStatus } from '../toOrderWireStatus.ts';
import type { WireNetwork } from '../toWireNetwork.ts';

/** The API Deposit webhook body (spec §7.1); the property order IS the wire key order. */
export type DepositWebhookBody = Readonly<WebhookPayload>;

export type BuildDepositWebhookBodyParameters = {
  readonly event: DeliveryEvent;
  readonly order: Order;
  /** The quote the payment was made against: its decimals and rate value the payment. */
  readonly quote: Quote;
  readonly payment: Payment;
  /** The order's status after this payment. */
  readonly orderStatus: OrderStatus;
  readonly feeRate: Decimal;
  /** The wire `contract`: the token contract, or the EVM chain id for the native coin (spec §9). */
  readonly contract: string;
  /** How the payment's network writes its `chain` and txids on the wire. */
  readonly wire: Pick<WireNetwork, 'chain' | 'formatTxid'>;
};

/**
 * Builds the §7.1 webhook body of one payment event. Literal construction keeps the documented key
 * order, which matters: Node SDKs verify over `JSON.stringify(JSON.parse(body))`.
 */
export function buildDepositWebhookBody(p: BuildDepositWebhookBodyParameters): DepositWebhookBody {
  const { order, quote, payment } = p;
  const decimals = quote.decimals;
  // The fee rounds down (spec §10), so the merchant's credit never exceeds what arrived.
  const serviceFee = calculateServiceFee(payment.amount, p.feeRate);
  const orderAmount = formatAmount(quote.amount, decimals);
  return {
    pay_status: p.event,
    order_type: 'API Deposit',
    record_id: payment.recordId,
    order_id: order.orderId,
    product_price: order.productPrice,
    denominated_currency: order.denominatedCurrency === 'USD' ? 'USD' : quote.symbol,
    order_amount: orderAmount,
    // Prices are in USD, so the fiat rate is the identity.
    fiat_rate: '1',
    paid_amount: formatAmount(payment.amount, decimals),
    token_rate: quote.tokenRate,
    chain: p.wire.chain,
    contract: p.contract,
    crypto: quote.symbol,
    txid: p.wire.formatTxid(payment.txid),
    service_fee: formatAmount(serviceFee, decimals),
    // Non-custodial: the buyer paid the gas, nothing is deducted from the deposit.
    network_fee: '0',
    credit_amount: formatAmount(payment.amount - serviceFee, decimals),
    origin_price: order.productPrice,
    origin_amount: orderAmount,
    order_status: toOrderWireStatus(p.orderStatus),
    extend: { merchant_order_id: order.merchantOrderId, custom_value: order.customValue ?? '' },
  };
}
