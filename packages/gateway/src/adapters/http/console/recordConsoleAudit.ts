import type { FastifyRequest } from 'fastify';
import { getConsoleSession } from './auth/ConsoleSession.ts';
import type { ConsoleContext } from './ConsoleContext.ts';

/** Records a change the signed-in operator of `request` made, with the address it came from. */
export async function recordConsoleAudit(
  ctx: ConsoleContext,
  request: FastifyRequest,
  change: { readonly action: string; readonly target: string; readonly details?: Readonly<Record<string, string>> },
): Promise<void> {
  const session = getConsoleSession(request);
  await ctx.audit.record({
    operatorId: session.operatorId,
    operatorName: session.operatorName,
    action: change.action,
    target: change.target,
    details: change.details ?? {},
    address: request.ip,
    atMs: ctx.deps.clock.now(),
  });
}
