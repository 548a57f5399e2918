import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleContext } from '../ConsoleContext.ts';
import { SESSION_COOKIE, SESSION_TOUCH_EVERY_MS } from './consoleSessionLimits.ts';
import { findLiveSession } from './findLiveSession.ts';
import { getOperatorStore } from './getOperatorStore.ts';
import { hasCsrfToken } from './hasCsrfToken.ts';
import { isSameOriginRequest } from './isSameOriginRequest.ts';
import { readCookie } from './readCookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The preHandler of every console page past sign-in: the session cookie must name a live session
 * (else 303 to the sign-in page, which returns here after), and a form post must come from our own
 * origin carrying the session's CSRF token (else 403, before the route's handler changes anything).
 */
export function createSessionGuard(ctx: ConsoleContext) {
  const operators = getOperatorStore(ctx);
  const publicUrl = ctx.deps.config.server.publicUrl;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const nowMs = ctx.deps.clock.now();
    const session = await findLiveSession(operators, readCookie(request.headers.cookie, SESSION_COOKIE), nowMs);
    if (session === null) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/console/sign-in${next}`, 303);
    }
    if (!SAFE_METHODS.has(request.method)) {
      if (!isSameOriginRequest(request, publicUrl) || !hasCsrfToken(request.body, session.csrfToken)) {
        return reply
          .code(403)
          .header('content-type', 'text/plain; charset=utf-8')
          .send('Refused: this form did not come from a current console page. Go back, reload it and try again.');
      }
    }
    if (nowMs - session.lastSeenAtMs >= SESSION_TOUCH_EVERY_MS) await operators.touchSession(session.sessionId, nowMs);
    request.consoleSession = {
      sessionId: session.sessionId,
      operatorId: session.operatorId,
      operatorName: session.operatorName,
      csrfToken: session.csrfToken,
    };
  };
}
