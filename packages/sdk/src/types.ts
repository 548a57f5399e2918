// Wire types of the CCPayment v1 merchant API, one file per part of the API.

export type { OrderStatus } from './orderStatuses.ts';
export type { ApiEnvelope } from './types/ApiEnvelope.ts';
export type { BillData, CheckoutUrlData, CreateBillRequest, CreateCheckoutUrlRequest } from './types/checkout.ts';
export type { GetOrdersRequest, OrderDetail, OrderInfo, Refund, Trade, TradeStatus } from './types/orderInfo.ts';
export type {
  Coin,
  CoinListData,
  CoinToken,
  NetworkHeight,
  TokenRateData,
  TokenRateRequest,
} from './types/resources.ts';
export type {
  ResendWebhooksData,
  ResendWebhooksRequest,
  WebhookPayload,
  WebhookPayStatus,
} from './types/webhooks.ts';
