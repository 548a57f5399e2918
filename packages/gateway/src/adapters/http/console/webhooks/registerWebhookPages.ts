import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_RESEND_BATCH, resendDeliveries } from '../../../../app/console/resendDeliveries.ts';
import type { ConsoleDeliveryCursor, ConsoleDeliveryFilter } from '../../../../core/ports/ConsoleQueries.ts';
import { createConsoleQueries } from '../../../db/console/createConsoleQueries.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import { getConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { recordConsoleAudit } from '../recordConsoleAudit.ts';
import { LISTED_STATES, WebhooksPage } from './WebhooksPage.tsx';

const PAGE_SIZE = 50;
const CURSOR = /^(\d{1,16})\.(.{1,100})$/;

type ListedFilter = { readonly state: (typeof LISTED_STATES)[number]; readonly appId: string };
type ListQuery = { state?: string; app?: string; before?: string; done?: string; count?: string };

/** The filter a query string or a posted form names: failed deliveries of any app unless it says otherwise. */
function readFilter(fields: { get(name: string): string | null | undefined }): ListedFilter {
  const state = LISTED_STATES.find((s) => s === fields.get('state')) ?? 'failed';
  return { state, appId: (fields.get('app') ?? '').slice(0, 100) };
}

function readCursor(text: string | undefined): ConsoleDeliveryCursor | undefined {
  const match = text === undefined ? null : CURSOR.exec(text);
  return match === null ? undefined : { nextAttemptAtMs: Number(match[1]), deliveryId: match[2] ?? '' };
}

/** `/console/webhooks`: deliveries that failed or wait, across apps; resend one or a bounded batch, audited. */
export async function registerWebhookPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const { deps } = ctx;
  const queries = createConsoleQueries(ctx.kassaDb);
  const back = (filter: { state: string; appId: string }, done: string, count?: number) => {
    const query = new URLSearchParams({
      state: filter.state,
      ...(filter.appId === '' ? {} : { app: filter.appId }),
      done,
    });
    if (count !== undefined) query.set('count', String(count));
    return `/console/webhooks?${query}`;
  };
  const asFilter = ({
    state,
    appId,
  }: {
    state: ConsoleDeliveryFilter['state'];
    appId: string;
  }): ConsoleDeliveryFilter => (appId === '' ? { state } : { state, appId });

  fastify.get('/console/webhooks', async (request: FastifyRequest<{ Querystring: ListQuery }>, reply) => {
    const query = request.query;
    const filter = readFilter({ get: (name) => query[name as keyof ListQuery] });
    const before = readCursor(query.before);
    const [apps, rows] = await Promise.all([
      queries.listAppNames(),
      queries.listDeliveries(asFilter(filter), { limit: PAGE_SIZE + 1, ...(before === undefined ? {} : { before }) }),
    ]);
    const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1]?.delivery : undefined;
    const page = WebhooksPage({
      assets: ctx.assets,
      session: getConsoleSession(request),
      apps,
      state: filter.state,
      appId: filter.appId,
      rows: rows.slice(0, PAGE_SIZE),
      next: last === undefined ? null : `${last.nextAttemptAtMs}.${last.deliveryId}`,
      isFirstPage: before === undefined,
      maxBatch: MAX_RESEND_BATCH,
      notice: describeDone(query.done, query.count),
    });
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });

  fastify.post(
    '/console/webhooks/:deliveryId/resend',
    async (request: FastifyRequest<{ Params: { deliveryId: string } }>, reply) => {
      const filter = readFilter(request.body as URLSearchParams);
      const { deliveryId } = request.params;
      const delivery = await deps.store.deliveries.findDelivery(deliveryId);
      if (delivery === null) return reply.code(404).type('text/plain').send('no such webhook');
      await resendDeliveries(deps, [deliveryId]);
      await recordConsoleAudit(ctx, request, {
        action: 'webhook.resend',
        target: deliveryId,
        details: { order_id: delivery.orderId, event: delivery.event, state_before: delivery.state },
      });
      return reply.redirect(back(filter, 'resent', 1), 303);
    },
  );

  fastify.post('/console/webhooks/resend-all', async (request, reply) => {
    const filter = readFilter(request.body as URLSearchParams);
    const rows = await queries.listDeliveries(asFilter(filter), { limit: MAX_RESEND_BATCH });
    const count = await resendDeliveries(
      deps,
      rows.map((row) => row.delivery.deliveryId),
    );
    await recordConsoleAudit(ctx, request, {
      action: 'webhook.resend_all',
      target: filter.appId,
      details: { state: filter.state, count: String(count), limit: String(MAX_RESEND_BATCH) },
    });
    return reply.redirect(back(filter, 'resent', count), 303);
  });
}

function describeDone(done: string | undefined, count: string | undefined): string | undefined {
  if (done !== 'resent') return undefined;
  const n = Number(count ?? '0');
  return `${n} webhook${n === 1 ? ' is' : 's are'} queued to be sent again.`;
}
