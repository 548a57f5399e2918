import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Operator, OperatorStore } from '../../../../core/ports/OperatorStore.ts';
import type { ConsoleContext } from '../ConsoleContext.ts';
import { formatSessionCookie } from './formatSessionCookie.ts';
import { isSecureRequest } from './isSecureRequest.ts';
import { startConsoleSession } from './startConsoleSession.ts';

/** Opens a session for an operator who proved who they are, records it, and sends them on. */
export async function finishSignIn(
  ctx: ConsoleContext,
  operators: OperatorStore,
  request: FastifyRequest,
  reply: FastifyReply,
  p: { readonly operator: Operator; readonly next: string; readonly method: string },
) {
  const nowMs = ctx.deps.clock.now();
  await operators.clearSignInFailures(p.operator.name);
  const session = await startConsoleSession(operators, {
    operatorId: p.operator.operatorId,
    nowMs,
    address: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  await ctx.audit.record({
    operatorId: p.operator.operatorId,
    operatorName: p.operator.name,
    action: 'operator.sign_in',
    target: p.operator.name,
    details: { method: p.method },
    address: request.ip,
    atMs: nowMs,
  });
  return reply
    .header(
      'set-cookie',
      formatSessionCookie(session.token, isSecureRequest(request, ctx.deps.config.server.publicUrl)),
    )
    .redirect(p.next, 303);
}
