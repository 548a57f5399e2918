import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OperatorStore } from '../../../../core/ports/OperatorStore.ts';
import { decodeBase32 } from '../../../crypto/decodeBase32.ts';
import { encodeBase32 } from '../../../crypto/encodeBase32.ts';
import { verifyTotp } from '../../../crypto/verifyTotp.ts';
import type { ConsoleContext } from '../ConsoleContext.ts';
import { recordConsoleAudit } from '../recordConsoleAudit.ts';
import { getConsoleSession } from './ConsoleSession.ts';

export type RegisterTotpRoutesOptions = {
  readonly ctx: ConsoleContext;
  readonly operators: OperatorStore;
  /** Renders the account page again with an error of the two-factor form. */
  readonly accountPage: (request: FastifyRequest, reply: FastifyReply, totpError?: string) => Promise<unknown>;
};

/** 160 bits, the key size RFC 4226 recommends for HMAC-SHA-1. */
const TOTP_SECRET_BYTES = 20;

/**
 * The account page's two-factor posts: start (a new secret, shown until confirmed), confirm with a
 * code (TOTP on), cancel, and turn off with a current code. The code that confirms or turns off is
 * spent like a sign-in's, so it cannot sign in afterwards.
 */
export async function registerTotpRoutes(
  fastify: FastifyInstance,
  { ctx, operators, accountPage }: RegisterTotpRoutesOptions,
) {
  const { clock } = ctx.deps;
  const back = (reply: FastifyReply, done?: string) =>
    reply.redirect(done === undefined ? '/console/account#totp-heading' : `/console/account?done=${done}`, 303);
  /** The step of the posted code for `secret` if it is right and not used before; null otherwise. */
  const takeCode = async (request: FastifyRequest, operatorId: string, secret: string) => {
    const code = request.body instanceof URLSearchParams ? (request.body.get('code') ?? '') : '';
    const step = verifyTotp(decodeBase32(secret) ?? new Uint8Array(), code, clock.now());
    return step !== null && (await operators.claimTotpStep(operatorId, step)) ? step : null;
  };

  fastify.post('/console/account/totp/start', async (request, reply) => {
    const session = getConsoleSession(request);
    const secret = encodeBase32(randomBytes(TOTP_SECRET_BYTES));
    await operators.setPendingTotp(session.operatorId, secret, clock.now());
    return back(reply);
  });

  fastify.post('/console/account/totp/cancel', async (request, reply) => {
    await operators.setPendingTotp(getConsoleSession(request).operatorId, null, clock.now());
    return back(reply);
  });

  fastify.post('/console/account/totp/confirm', async (request, reply) => {
    const session = getConsoleSession(request);
    const operator = await operators.findOperator(session.operatorId);
    const secret = operator?.totpPendingSecret ?? null;
    if (secret === null) return back(reply);
    if ((await takeCode(request, session.operatorId, secret)) === null) {
      return accountPage(request, reply, 'Wrong code: check the app shows Kassa and try the current code.');
    }
    await operators.setTotp(session.operatorId, secret, clock.now());
    await recordConsoleAudit(ctx, request, { action: 'operator.totp.enable', target: session.operatorName });
    return back(reply, 'totp-on');
  });

  fastify.post('/console/account/totp/disable', async (request, reply) => {
    const session = getConsoleSession(request);
    const operator = await operators.findOperator(session.operatorId);
    if (operator?.totpSecret == null) return back(reply);
    if ((await takeCode(request, session.operatorId, operator.totpSecret)) === null) {
      return accountPage(request, reply, 'Wrong or used code: two-factor sign-in stays on.');
    }
    await operators.setTotp(session.operatorId, null, clock.now());
    await recordConsoleAudit(ctx, request, { action: 'operator.totp.disable', target: session.operatorName });
    return back(reply, 'totp-off');
  });
}
