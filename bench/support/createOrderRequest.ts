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
export function createOrderRequest(parameters: CreateOrderRequestParameters) {
  return createSignedOrderRequest(
    '/ccpayment/v1/concise/url/get',
    parameters,
    (merchantOrderId) =>
      `{"merchant_order_id":"${merchantOrderId}","product_price":"19.99","product_name":"Bench item"}`,
  );
}

/** An autocannon request to `path` whose body `bodyFor` builds, freshly signed, for a new order id each send. */
export function createSignedOrderRequest(
  path: string,
  { appId, appSecret, nextMerchantOrderId, contentType }: CreateOrderRequestParameters,
  bodyFor: (merchantOrderId: string) => string,
) {
  return {
    method: 'POST',
    path,
    setupRequest: (req: AutocannonRequest): AutocannonRequest => {
      const body = bodyFor(nextMerchantOrderId());
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
