import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { recordConsoleAudit } from '../recordConsoleAudit.ts';
import { AccountPage } from './AccountPage.tsx';
import { getConsoleSession } from './ConsoleSession.ts';
import { formatSessionCookie } from './formatSessionCookie.ts';
import { getOperatorStore } from './getOperatorStore.ts';

type AccountRequest = FastifyRequest<{ Querystring: { done?: string } }>;

const NOTICES: Readonly<Record<string, string>> = {};

/** `/console/account` and the sign-out posts (behind the session guard, so CSRF-checked). */
export async function registerAccountPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const operators = getOperatorStore(ctx);
  const signOut = (request: FastifyRequest, reply: FastifyReply, done: string) =>
    reply
      .header('set-cookie', formatSessionCookie(null, request.protocol === 'https'))
      .redirect(`/console/sign-in?done=${done}`, 303);

  fastify.get('/console/account', async (request: AccountRequest, reply) => {
    const session = getConsoleSession(request);
    // Called as a function: a .ts file has no JSX, and the page uses no hooks.
    const page = AccountPage({
      assets: ctx.assets,
      session,
      sessions: await operators.listSessionsOf(session.operatorId),
      notice: NOTICES[request.query.done ?? ''],
      totp: null,
    });
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });

  fastify.post('/console/sign-out', async (request, reply) => {
    await operators.deleteSession(getConsoleSession(request).sessionId);
    return signOut(request, reply, 'signed-out');
  });

  fastify.post('/console/account/sign-out-everywhere', async (request, reply) => {
    const session = getConsoleSession(request);
    const ended = await operators.deleteSessionsOf(session.operatorId);
    await recordConsoleAudit(ctx, request, {
      action: 'operator.sign_out_everywhere',
      target: session.operatorName,
      details: { sessions: String(ended) },
    });
    return signOut(request, reply, 'signed-out-everywhere');
  });
}
