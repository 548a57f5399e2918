import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resendDeliveries } from '../../../../app/console/resendDeliveries.ts';
import { parseConsoleSearch } from '../../../../core/console/parseConsoleSearch.ts';
import { getOrderStatusAt } from '../../../../core/getOrderStatusAt.ts';
import { createConsoleQueries } from '../../../db/console/createConsoleQueries.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import { getConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { recordConsoleAudit } from '../recordConsoleAudit.ts';
import { buildOrderTimeline } from './buildOrderTimeline.ts';
import { OrderNotFoundPage } from './OrderNotFoundPage.tsx';
import { OrderPage } from './OrderPage.tsx';
import { OrdersPage } from './OrdersPage.tsx';
import { type OrderListQuery, readOrderListQuery } from './readOrderListQuery.ts';
import { streamOrdersCsv } from './streamOrdersCsv.ts';

/** Orders a list page shows; search results are capped the same. */
const PAGE_SIZE = 50;
const NOTICES: Readonly<Record<string, string>> = { resent: 'The webhook is queued to be sent again.' };

type OrderRequest = FastifyRequest<{ Params: { orderId: string }; Querystring: { done?: string } }>;
type ResendRequest = FastifyRequest<{ Params: { orderId: string; deliveryId: string } }>;

/** `/console/orders` (list, search, CSV) and `/console/orders/:orderId` (detail, timeline, resend). */
export async function registerOrderPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const { deps } = ctx;
  const queries = createConsoleQueries(ctx.kassaDb);
  const kinds = [...new Set(deps.networks.map((n) => n.kind))];

  fastify.get('/console/orders', async (request: FastifyRequest<{ Querystring: OrderListQuery }>, reply) => {
    const listRequest = readOrderListQuery(request.query);
    const keys = parseConsoleSearch(listRequest.form.q, kinds);
    const [apps, found] = await Promise.all([
      queries.listAppNames(),
      keys === null
        ? queries.listOrders(listRequest.filter, {
            limit: PAGE_SIZE,
            ...(listRequest.before === undefined ? {} : { before: listRequest.before }),
          })
        : queries.searchOrders(keys, PAGE_SIZE).then((rows) => ({ rows, next: null })),
    ]);
    const page = OrdersPage({
      assets: ctx.assets,
      session: getConsoleSession(request),
      apps,
      networks: deps.networks,
      request: listRequest,
      rows: found.rows,
      next: found.next,
      isSearch: keys !== null,
    });
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });

  fastify.get('/console/orders.csv', async (request: FastifyRequest<{ Querystring: OrderListQuery }>, reply) => {
    const { filter } = readOrderListQuery(request.query);
    const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kassa-orders-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(streamOrdersCsv(queries, filter, deps.networks)));
  });

  fastify.get('/console/orders/:orderId', async (request: OrderRequest, reply) => {
    const session = getConsoleSession(request);
    const detail = await queries.findOrderDetail(request.params.orderId);
    if (detail === null) {
      const page = OrderNotFoundPage({ assets: ctx.assets, session, orderId: request.params.orderId });
      return sendHtml(request, reply, 404, renderHtmlDocument(page));
    }
    const nowMs = deps.clock.now();
    const page = OrderPage({
      assets: ctx.assets,
      session,
      detail,
      status: getOrderStatusAt({ storedStatus: detail.order.status, expiresAtMs: detail.order.expiresAtMs, nowMs }),
      timeline: buildOrderTimeline(detail, nowMs),
      networks: deps.networks,
      notice: NOTICES[request.query.done ?? ''],
    });
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });

  fastify.post('/console/orders/:orderId/webhooks/:deliveryId/resend', async (request: ResendRequest, reply) => {
    const { orderId, deliveryId } = request.params;
    const delivery = await deps.store.deliveries.findDelivery(deliveryId);
    if (delivery === null || delivery.orderId !== orderId)
      return reply.code(404).type('text/plain').send('no such webhook');
    await resendDeliveries(deps, [deliveryId]);
    await recordConsoleAudit(ctx, request, {
      action: 'webhook.resend',
      target: deliveryId,
      details: { order_id: orderId, event: delivery.event, state_before: delivery.state },
    });
    const orderPath = `/console/orders/${encodeURIComponent(orderId)}`;
    return reply.redirect(`${orderPath}?done=resent#webhook-${encodeURIComponent(deliveryId)}`, 303);
  });
}
