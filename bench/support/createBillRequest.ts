import { sign } from '@kassa/sdk';
import { BENCH_TOKEN_ID } from './benchNetworks.ts';
import type { CreateOrderRequestParameters } from './createOrderRequest.ts';

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

/**
 * An autocannon request for `bill/create` (an order with a deposit address on the bench network,
 * {@link BENCH_TOKEN_ID}) that builds a fresh, freshly signed body on every send.
 */
export function createBillRequest({
  appId,
  appSecret,
  nextMerchantOrderId,
  contentType,
}: CreateOrderRequestParameters) {
  return {
    method: 'POST',
    path: '/ccpayment/v1/bill/create',
    setupRequest: (req: AutocannonRequest): AutocannonRequest => {
      const body = `{"merchant_order_id":"${nextMerchantOrderId()}","product_price":"19.99","token_id":"${BENCH_TOKEN_ID}","denominated_currency":"USD"}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        ...req,
        body,
        headers: {
          'content-type': contentType,
          Appid: appId,
          Timestamp: timestamp,
          Sign: sign({ appId, appSecret, timestamp, body }),
        },
      };
    },
  };
}
