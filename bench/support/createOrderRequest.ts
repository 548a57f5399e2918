import { sign } from '@kassa/sdk';

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

export type CreateOrderRequestParameters = {
  readonly appId: string;
  readonly appSecret: string;
  /** A merchant_order_id no request has used yet: each call creates a new order. */
  readonly nextMerchantOrderId: () => string;
  readonly contentType: string;
};

/**
 * An autocannon request for `concise/url/get` that builds a fresh, freshly signed body on every
 * send, as a merchant's server would.
 */
export function createOrderRequest({
  appId,
  appSecret,
  nextMerchantOrderId,
  contentType,
}: CreateOrderRequestParameters) {
  return {
    method: 'POST',
    path: '/ccpayment/v1/concise/url/get',
    setupRequest: (req: AutocannonRequest): AutocannonRequest => {
      const body = `{"merchant_order_id":"${nextMerchantOrderId()}","product_price":"19.99","product_name":"Bench item"}`;
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
