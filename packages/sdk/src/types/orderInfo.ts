// Wire types of the CCPayment v1 merchant API as Kassa speaks it (spec/ccpayment-v1.md).
// Field names stay snake_case: they are the wire. Amounts are decimal strings, never numbers.
import type { OrderStatus } from '../orderStatuses.ts';

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

/** Status of one on-chain payment in `trade_list`. */
export type TradeStatus = 'Pending' | 'Processing' | 'Successful' | 'Failed';

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
