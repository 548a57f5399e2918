import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Operator, OperatorStore } from '../../../../core/ports/OperatorStore.ts';
import type { ConsoleContext } from '../ConsoleContext.ts';
import { formatSessionCookie } from './formatSessionCookie.ts';
import { isSecureRequest } from './isSecureRequest.ts';
import { createKnownDevices, formatKnownDeviceCookie } from './knownDevices.ts';
import { startConsoleSession } from './startConsoleSession.ts';

/**
 * Opens a session for an operator who proved who they are, records it, marks the browser as one
 * they signed in with (knownDevices.ts), and sends them on.
 */
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
  const secure = isSecureRequest(request, ctx.deps.config.server.publicUrl);
  const device = createKnownDevices(ctx.deps.config.masterKey).issue(p.operator.name, nowMs);
  return reply
    .header('set-cookie', formatSessionCookie(session.token, secure))
    .header('set-cookie', formatKnownDeviceCookie(device, secure))
    .redirect(p.next, 303);
}
