// Wire types of the CCPayment v1 merchant API as Kassa speaks it (spec/ccpayment-v1.md).
// Field names stay snake_case: they are the wire. Amounts are decimal strings, never numbers.

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
