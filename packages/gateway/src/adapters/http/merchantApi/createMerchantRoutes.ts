import { createBill } from '../../../app/createBill.ts';
import { createOrder } from '../../../app/createOrder.ts';
import type { Deps } from '../../../app/Deps.ts';
import { getOrders } from '../../../app/getOrders.ts';
import { resendWebhooks } from '../../../app/resendWebhooks.ts';
import { InvalidParamError } from '../../../core/InvalidParamError.ts';
import { KassaError } from '../../../core/KassaError.ts';
import { requireToken } from '../../../core/requireToken.ts';
import { parseBillRequest } from '../../../protocol/request/parseBillRequest.ts';
import { parseCheckoutRequest } from '../../../protocol/request/parseCheckoutRequest.ts';
import { parseOrderInfoRequest } from '../../../protocol/request/parseOrderInfoRequest.ts';
import { parseResendRequest } from '../../../protocol/request/parseResendRequest.ts';
import { findForbiddenWebhookTarget } from '../../webhooks/findForbiddenWebhookTarget.ts';
import { parseCidrList } from '../../webhooks/parseCidrList.ts';
import { createResourceRoutes } from './createResourceRoutes.ts';
import type { MerchantHandler } from './registerMerchantApi.ts';
import { toBillDto } from './toBillDto.ts';
import { toOrderInfoDto } from './toOrderInfoDto.ts';

/** Custodial-wallet calls of v1 that a non-custodial gateway does not offer (spec §9). */
const CUSTODIAL_PATHS = ['withdraw', 'check/user', 'payment/address/get', 'assets', 'network/fee'] as const;

/** The merchant API's endpoints: thin handlers, validate → use case → DTO. */
export function createMerchantRoutes(deps: Deps): Record<string, MerchantHandler> {
  const notSupported: MerchantHandler = async () => {
    throw new KassaError({
      code: 'not_supported',
      message: 'Kassa is non-custodial: wallet calls (withdraw, assets, …) are not supported',
    });
  };
  // The dispatcher's allow-list: a notify_url is refused now exactly when delivery would refuse it.
  const allowList = parseCidrList(deps.config.webhooks.allowedCidrs);
  const assertDeliverable = <T extends { readonly notifyUrl: string | null }>(request: T): T => {
    if (request.notifyUrl === null) return request;
    const forbidden = findForbiddenWebhookTarget(new URL(request.notifyUrl), allowList);
    if (forbidden === null) return request;
    throw new InvalidParamError({
      field: 'notify_url',
      rule: `${forbidden.message}; Kassa does not deliver webhooks there`,
    });
  };
  return {
    'concise/url/get': async ({ app, body }) => {
      const order = await createOrder(
        { ...deps, latePaymentWindowSeconds: deps.config.orders.latePaymentWindowSeconds },
        { app, request: assertDeliverable(parseCheckoutRequest(body)) },
      );
      return { payment_url: `${deps.config.server.publicUrl}/pay/${order.checkoutToken}` };
    },
    'bill/create': async ({ app, body }) => {
      const bill = await createBill(
        { ...deps, latePaymentWindowSeconds: deps.config.orders.latePaymentWindowSeconds },
        { app, request: assertDeliverable(parseBillRequest(body, deps.networks)) },
      );
      // The bill's token is the request's, found among the networks on offer a moment ago.
      return toBillDto(bill, requireToken(deps.networks, bill.quote.tokenId).network);
    },
    'bill/info': async ({ app, body }) => {
      const ids = parseOrderInfoRequest(body);
      const infos = await getOrders(deps, { app, merchantOrderIds: ids });
      // Unknown ids are left out; when none is known the query itself is answered as not found.
      if (infos.length === 0) {
        throw new KassaError({ code: 'order_not_found', message: `no order with merchant_order_id ${ids.join(', ')}` });
      }
      return infos.map((info) => toOrderInfoDto(info, app, deps.networks));
    },
    'webhook/resend': async ({ app, body }) => {
      const { resendCount } = await resendWebhooks(deps, { app, request: parseResendRequest(body) });
      return { resend_count: resendCount };
    },
    ...createResourceRoutes(deps),
    ...Object.fromEntries(CUSTODIAL_PATHS.map((path) => [path, notSupported])),
  };
}
