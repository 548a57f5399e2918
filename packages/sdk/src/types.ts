// Wire types of the CCPayment v1 merchant API as Kassa speaks it (spec/ccpayment-v1.md).
// Field names stay snake_case: they are the wire. Amounts are decimal strings, never numbers.

/** Every response body: business errors are HTTP 200 with `code !== 10000`. */
export type ApiEnvelope<TData> = {
  code: number;
  msg: string;
  /** Omitted or null on errors. */
  data?: TData | null;
};

/** `order_detail.status` and the webhook's `order_status`. */
export type OrderStatus =
  | 'Pending'
  | 'Expired'
  | 'Underpayment'
  | 'Underpayment (Overdue)'
  | 'Successful'
  | 'Paid (Overdue)'
  | 'Overpayment'
  | 'Overpayment (Overdue)';

/** Status of one on-chain payment in `trade_list`. */
export type TradeStatus = 'Pending' | 'Processing' | 'Successful' | 'Failed';

/** `concise/url/get` request (hosted checkout). */
export type CreateCheckoutUrlRequest = {
  /** USD, > 0, at most 2 decimals. */
  product_price: string;
  merchant_order_id: string;
  product_name: string;
  /** Seconds; 60–864,000, default 86,400. */
  order_valid_period?: number;
  return_url?: string;
  /** Overrides the app's default webhook URL for this order. */
  notify_url?: string;
  /** Echoed in webhooks and `bill/info`. */
  custom_value?: string;
};

/** `concise/url/get` response data. */
export type CheckoutUrlData = {
  payment_url: string;
};

/** `bill/create` request (native checkout, coin chosen up front). */
export type CreateBillRequest = {
  merchant_order_id: string;
  product_price: string;
  /** From `coin/all`: one coin on one network. */
  token_id: string;
  /** `USD`, or `token` when `product_price` is already in the token (case-insensitive). */
  denominated_currency: string;
  order_valid_period?: number;
  remark?: string;
  notify_url?: string;
  custom_value?: string;
};

/** `bill/create` response data. */
export type BillData = {
  order_id: string;
  /** Tokens to pay. */
  amount: string;
  product_price: string;
  logo: string;
  network: string;
  pay_address: string;
  crypto: string;
  token_id: string;
  /** `""` on EVM networks. */
  memo: string;
  order_valid_period: number;
};

/** `bill/info` request. */
export type GetOrdersRequest = {
  /** 1–100 ids. */
  merchant_order_ids: string[];
};

/** `order_detail` of one `bill/info` entry. Coin fields are `""` until the buyer picks a coin. */
export type OrderDetail = {
  order_id: string;
  merchant_order_id: string;
  product_name: string;
  product_price: string;
  denominated_currency: string;
  chain: string;
  contract: string;
  crypto: string;
  order_amount: string;
  token_rate: string;
  status: OrderStatus;
  /** Unix seconds. */
  created: number;
  custom_value: string;
  /** Sum of confirmed payments in the order's coin. */
  paid_amount: string;
  /** Unix seconds. */
  expired_at: number;
};

/** One on-chain payment of an order. */
export type Trade = {
  record_id: string;
  amount: string;
  chain: string;
  contract: string;
  crypto: string;
  service_fee: string;
  network_fee: string;
  txid: string;
  /** Unix seconds. */
  pay_time: number;
  token_rate: string;
  status: TradeStatus;
  from_address: string;
  to_address: string;
};

/** One refund of an order. */
export type Refund = {
  refund_amount: string;
  network_fee: string;
  actual_received_amount: string;
  chain: string;
  contract: string;
  crypto: string;
  txid: string;
  address: string;
  /** Unix seconds. */
  pay_time: number;
  status: string;
};

/** One entry of the `bill/info` response array. Unknown ids are left out. */
export type OrderInfo = {
  order_detail: OrderDetail;
  trade_list: Trade[];
  refund_list: Refund[];
};

/** One network a coin can be paid on, in `coin/all`. */
export type CoinToken = {
  token_id: string;
  crypto: string;
  logo: string;
  name: string;
  is_support_memo: boolean;
  /** Token standard: `ERC20`, `BEP20`, … */
  network: string;
  /** `ETH`, `BSC`, `POLYGON`, … */
  chain: string;
  /** Token contract, or the EVM chain id for the native coin (`"1"` for ETH). */
  contract: string;
  chain_logo: string;
  status: number;
  precision: number;
};

/** One coin in `coin/all`. */
export type Coin = {
  coin_id: string;
  symbol: string;
  crypto: string;
  name: string;
  logo: string;
  min: string;
  price: string;
  precision: number;
  /** 1 normal, 2 maintenance. */
  status: number;
  tokens: CoinToken[];
};

/** `coin/all` response data. */
export type CoinListData = {
  list: Coin[];
};

/** `token/rate` request. */
export type TokenRateRequest = {
  /** USD amount, decimal string. */
  amount: string;
  token_id: string;
};

/** `token/rate` response data. */
export type TokenRateData = {
  /** USD per token. */
  price: string;
  /** `amount / price`, rounded up to the token's precision. */
  value: string;
};

/** One entry of the `get/network/height/info` response array. */
export type NetworkHeight = {
  chain: string;
  current_chain_height: number;
  tx_confirm_block_num: number;
  /** Seconds per block. */
  block_rate: number;
};

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
