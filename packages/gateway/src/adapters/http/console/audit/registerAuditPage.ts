import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import { getConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { AuditPage } from './AuditPage.tsx';

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;

/** `/console/audit?before=<id>`: the audit log, newest first, paged by entry number. */
export async function registerAuditPage(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  fastify.get('/console/audit', async (request: FastifyRequest<{ Querystring: { before?: string } }>, reply) => {
    const before = /^\d{1,15}$/.test(request.query.before ?? '') ? Number(request.query.before) : undefined;
    // One more than shown: whether an older page exists, without counting the table.
    const entries = await ctx.audit.list({
      limit: AUDIT_PAGE_SIZE + 1,
      ...(before === undefined ? {} : { beforeId: before }),
    });
    const shown = entries.slice(0, AUDIT_PAGE_SIZE);
    // Called as a function: a .ts file has no JSX, and the page uses no hooks.
    const page = AuditPage({
      assets: ctx.assets,
      session: getConsoleSession(request),
      entries: shown,
      olderBefore: entries.length > AUDIT_PAGE_SIZE ? (shown.at(-1)?.auditId ?? null) : null,
      isPaged: before !== undefined,
    });
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });
}
