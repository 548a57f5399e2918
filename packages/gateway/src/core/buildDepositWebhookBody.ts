import type { DeliveryEvent } from './Delivery.ts';
import { calculateServiceFee } from './money/calculateServiceFee.ts';
import type { Decimal } from './money/Decimal.ts';
import { formatAmount } from './money/formatAmount.ts';
import type { Order } from './Order.ts';
import type { OrderWireStatus } from './orderWireStatus.ts';
import type { Payment } from './Payment.ts';
import type { Quote } from './Quote.ts';

/** The API Deposit webhook body (spec §7.1); the property order IS the wire key order. */
export type DepositWebhookBody = {
  readonly pay_status: DeliveryEvent;
  readonly order_type: 'API Deposit';
  readonly record_id: string;
  readonly order_id: string;
  readonly product_price: string;
  readonly denominated_currency: string;
  readonly order_amount: string;
  readonly fiat_rate: string;
  readonly paid_amount: string;
  readonly token_rate: string;
  readonly chain: string;
  readonly contract: string;
  readonly crypto: string;
  readonly txid: string;
  readonly service_fee: string;
  readonly network_fee: string;
  readonly credit_amount: string;
  readonly origin_price: string;
  readonly origin_amount: string;
  readonly order_status: OrderWireStatus;
  readonly extend: { readonly merchant_order_id: string; readonly custom_value: string };
};

export type BuildDepositWebhookBodyParameters = {
  readonly event: DeliveryEvent;
  readonly order: Order;
  /** The quote the payment was made against: its decimals and rate value the payment. */
  readonly quote: Quote;
  readonly payment: Payment;
  readonly orderStatus: OrderWireStatus;
  readonly feeRate: Decimal;
  /** The wire `contract`: the token contract, or the EVM chain id for the native coin (spec §9). */
  readonly contract: string;
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
    chain: quote.networkKey,
    contract: p.contract,
    crypto: quote.symbol,
    txid: payment.txid,
    service_fee: formatAmount(serviceFee, decimals),
    // Non-custodial: the buyer paid the gas, nothing is deducted from the deposit.
    network_fee: '0',
    credit_amount: formatAmount(payment.amount - serviceFee, decimals),
    origin_price: order.productPrice,
    origin_amount: orderAmount,
    order_status: p.orderStatus,
    extend: { merchant_order_id: order.merchantOrderId, custom_value: order.customValue ?? '' },
  };
}
