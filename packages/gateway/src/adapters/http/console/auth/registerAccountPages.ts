import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { recordConsoleAudit } from '../recordConsoleAudit.ts';
import { AccountPage } from './AccountPage.tsx';
import { getConsoleSession } from './ConsoleSession.ts';
import { formatSessionCookie } from './formatSessionCookie.ts';
import { getOperatorStore } from './getOperatorStore.ts';
import { isSecureRequest } from './isSecureRequest.ts';
import { registerTotpRoutes } from './registerTotpRoutes.ts';
import { TotpSection } from './TotpSection.tsx';

type AccountRequest = FastifyRequest<{ Querystring: { done?: string } }>;

const NOTICES: Readonly<Record<string, string>> = {
  'totp-on': 'Two-factor sign-in is on.',
  'totp-off': 'Two-factor sign-in is off.',
};

/** `/console/account` and the sign-out posts (behind the session guard, so CSRF-checked). */
export async function registerAccountPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const operators = getOperatorStore(ctx);
  const signOut = (request: FastifyRequest, reply: FastifyReply, done: string) =>
    reply
      .header('set-cookie', formatSessionCookie(null, isSecureRequest(request, ctx.deps.config.server.publicUrl)))
      .redirect(`/console/sign-in?done=${done}`, 303);
  /** The account page, with an error of the two-factor form when one failed. */
  const accountPage = async (request: FastifyRequest, reply: FastifyReply, totpError?: string) => {
    const session = getConsoleSession(request);
    const operator = await operators.findOperator(session.operatorId);
    const pendingSecret = operator?.totpPendingSecret ?? null;
    const state =
      operator?.totpSecret != null
        ? ({ kind: 'on' } as const)
        : pendingSecret === null
          ? ({ kind: 'off' } as const)
          : ({ kind: 'pending', secret: pendingSecret } as const);
    const otpauthUri =
      pendingSecret === null
        ? undefined
        : `otpauth://totp/Kassa:${encodeURIComponent(session.operatorName)}?secret=${pendingSecret}&issuer=Kassa&algorithm=SHA1&digits=6&period=30`;
    // Called as functions: a .ts file has no JSX, and these components use no hooks.
    const page = AccountPage({
      assets: ctx.assets,
      session,
      sessions: await operators.listSessionsOf(session.operatorId),
      notice: NOTICES[(request as AccountRequest).query.done ?? ''],
      totp: TotpSection({ session, state, otpauthUri, error: totpError }),
    });
    return sendHtml(request, reply, totpError === undefined ? 200 : 400, renderHtmlDocument(page));
  };

  fastify.get('/console/account', (request, reply) => accountPage(request, reply));
  await registerTotpRoutes(fastify, { ctx, operators, accountPage });

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
