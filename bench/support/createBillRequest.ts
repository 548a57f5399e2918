import { BENCH_TOKEN_ID } from './benchNetworks.ts';
import { type CreateOrderRequestParameters, createSignedOrderRequest } from './createOrderRequest.ts';

/**
 * An autocannon request for `bill/create` (an order with a deposit address on the bench network,
 * {@link BENCH_TOKEN_ID}) that builds a fresh, freshly signed body on every send.
 */
export function createBillRequest(parameters: CreateOrderRequestParameters) {
  return createSignedOrderRequest(
    '/ccpayment/v1/bill/create',
    parameters,
    (merchantOrderId) =>
      `{"merchant_order_id":"${merchantOrderId}","product_price":"19.99","token_id":"${BENCH_TOKEN_ID}","denominated_currency":"USD"}`,
  );
}
