// Wire types of the CCPayment v1 merchant API as Kassa speaks it (spec/ccpayment-v1.md).
// Field names stay snake_case: they are the wire. Amounts are decimal strings, never numbers.
import type { OrderStatus } from '../orderStatuses.ts';

/** `webhook/resend` request. The window is at most one hour. */
export type ResendWebhooksRequest = {
  /** Unix seconds. */
  start_timestamp: number;
  /** Unix seconds. */
  end_timestamp?: number;
  webhook_result?: 'Failed' | 'All Result';
  transaction_type?: 'All Type' | 'API Deposit' | 'Refund';
};

/** `webhook/resend` response data. */
export type ResendWebhooksData = {
  resend_count: number;
};

/** `pay_status` of a webhook: one webhook per payment and status change. */
export type WebhookPayStatus = 'processing' | 'success' | 'failed';

/** The API Deposit webhook body (spec §7.1), keys in wire order. */
export type WebhookPayload = {
  pay_status: WebhookPayStatus;
  order_type: 'API Deposit';
  record_id: string;
  order_id: string;
  product_price: string;
  denominated_currency: string;
  order_amount: string;
  /** `"1"` for USD. */
  fiat_rate: string;
  /** This payment, in the token. */
  paid_amount: string;
  token_rate: string;
  chain: string;
  contract: string;
  crypto: string;
  txid: string;
  service_fee: string;
  network_fee: string;
  /** `paid_amount - service_fee`. */
  credit_amount: string;
  /** Legacy name of `product_price`. */
  origin_price: string;
  /** Legacy name of `order_amount`. */
  origin_amount: string;
  /** The order's wire status after this payment. */
  order_status: OrderStatus;
  extend: {
    merchant_order_id: string;
    custom_value: string;
  };
};
