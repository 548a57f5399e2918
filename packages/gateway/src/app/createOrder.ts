import type { App } from '../core/App.ts';
import type { Order } from '../core/Order.ts';
import type { CheckoutRequest } from '../protocol/request/parseCheckoutRequest.ts';
import { type BuildOrderDeps, buildOrder } from './buildOrder.ts';
import type { Deps } from './Deps.ts';
import { insertOrderOnce } from './insertOrderOnce.ts';

export type CreateOrderDeps = BuildOrderDeps & Pick<Deps, 'store' | 'metrics'>;

export type CreateOrderParameters = {
  /** The merchant app the order belongs to (the request's signer). */
  readonly app: App;
  readonly request: CheckoutRequest;
};

/**
 * Creates a hosted-checkout order, idempotently: the same merchant order id with the same values
 * returns the existing order (a safe retry); with other values it is `duplicate_order`.
 */
export async function createOrder(deps: CreateOrderDeps, { app, request }: CreateOrderParameters): Promise<Order> {
  const order = buildOrder(deps, {
    app,
    request,
    terms: {
      kind: 'hosted',
      productName: request.productName,
      denominatedCurrency: 'USD',
      returnUrl: request.returnUrl,
      remark: null,
    },
  });
  const result = await insertOrderOnce(deps.store, order);
  if (result.inserted) deps.metrics?.countOrderCreated('hosted');
  return result.order;
}
