import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseOperatorName } from '../../../../core/operators/parseOperatorName.ts';
import type { Operator } from '../../../../core/ports/OperatorStore.ts';
import { decodeBase32 } from '../../../crypto/decodeBase32.ts';
import { verifyPassword } from '../../../crypto/verifyPassword.ts';
import { verifyTotp } from '../../../crypto/verifyTotp.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { SESSION_COOKIE } from './consoleSessionLimits.ts';
import { findLiveSession } from './findLiveSession.ts';
import { finishSignIn } from './finishSignIn.ts';
import { getOperatorStore } from './getOperatorStore.ts';
import { createKnownDevices, KNOWN_DEVICE_COOKIE } from './knownDevices.ts';
import { createPendingSignIns } from './pendingSignIn.ts';
import { ensurePreSessionToken, hasPreSessionToken } from './preSessionCsrf.ts';
import { readCookie } from './readCookie.ts';
import { SignInPage, type SignInPageProps } from './SignInPage.tsx';
import { safeNextPath } from './safeNextPath.ts';
import { createAddressLimiter, describeRetry, LOCK_AFTER_FAILURES, LOCK_FOR_MS } from './signInLimits.ts';

type SignInQuery = { Querystring: { next?: string; done?: string } };

const NOTICES: Readonly<Record<string, string>> = {
  'signed-out': 'Signed out.',
  'signed-out-everywhere': 'Signed out of every session.',
  'password-set': 'Password set: sign in with it.',
};

const WRONG_PASSWORD = 'Wrong name or password.';

/** `/console/sign-in`: the password step, and the code step when the operator has TOTP on. */
export async function registerSignInPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const operators = getOperatorStore(ctx);
  const { clock, config } = ctx.deps;
  const pendingSignIns = createPendingSignIns(config.masterKey);
  const addresses = createAddressLimiter();
  const knownDevices = createKnownDevices(config.masterKey);
  const form = (request: FastifyRequest) =>
    request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
  const page = (request: FastifyRequest, reply: FastifyReply, status: number, props: Partial<SignInPageProps>) => {
    const csrfToken = ensurePreSessionToken(request, reply, config.server.publicUrl);
    const html = renderHtmlDocument(SignInPage({ assets: ctx.assets, csrfToken, next: '/console', ...props }));
    return sendHtml(request, reply, status, html);
  };
  const isKnownDevice = (request: FastifyRequest, name: string) =>
    knownDevices.recognizes(readCookie(request.headers.cookie, KNOWN_DEVICE_COOKIE), name, clock.now());
  /**
   * Counts a failure under `name`; the answer says so once the name is locked by it, except to a
   * browser the lock does not hold back.
   */
  const fail = async (request: FastifyRequest, name: string, operator: Operator | null, reason: string) => {
    const nowMs = clock.now();
    const after = await operators.recordSignInFailure(name, {
      nowMs,
      lockAfter: LOCK_AFTER_FAILURES,
      lockForMs: LOCK_FOR_MS,
    });
    const locked = after.lockedUntilMs !== null && after.lockedUntilMs > nowMs;
    await ctx.audit.record({
      operatorId: operator?.operatorId ?? null,
      operatorName: name,
      action: 'operator.sign_in_failed',
      target: name,
      details: locked ? { reason, locked_for: `${LOCK_FOR_MS / 60_000} min` } : { reason },
      address: request.ip,
      atMs: nowMs,
    });
    return locked && !isKnownDevice(request, name) ? describeRetry(LOCK_FOR_MS) : null;
  };
  /**
   * Why this attempt is refused before any check of what was typed; null when it may go on. The
   * lock of a name does not hold a browser back that signed in under that name before.
   */
  const refusal = async (request: FastifyRequest, name: string) => {
    const nowMs = clock.now();
    const address = addresses.take(request.ip, nowMs);
    if (!address.ok) return describeRetry(address.retryAfterMs);
    if (isKnownDevice(request, name)) return null;
    const { lockedUntilMs } = await operators.getSignInFailures(name);
    return lockedUntilMs !== null && lockedUntilMs > nowMs ? describeRetry(lockedUntilMs - nowMs) : null;
  };

  fastify.get('/console/sign-in', async (request: FastifyRequest<SignInQuery>, reply) => {
    const next = safeNextPath(request.query.next);
    const live = await findLiveSession(operators, readCookie(request.headers.cookie, SESSION_COOKIE), clock.now());
    if (live !== null) return reply.redirect(next, 303);
    return page(request, reply, 200, { next, notice: NOTICES[request.query.done ?? ''] });
  });

  fastify.post('/console/sign-in', async (request, reply) => {
    if (!hasPreSessionToken(request, config.server.publicUrl)) return refuseForm(reply);
    const body = form(request);
    const next = safeNextPath(body.get('next'));
    const typed = (body.get('name') ?? '').trim().toLowerCase().slice(0, 64);
    const refused = await refusal(request, typed);
    if (refused !== null) return page(request, reply, 429, { next, name: typed, error: refused });
    const parsed = parseOperatorName(typed);
    const operator = parsed.ok ? await operators.findOperatorByName(parsed.name) : null;
    // Always one scrypt run, also for an unknown name, so timing does not tell names apart.
    const right = await verifyPassword((body.get('password') ?? '').slice(0, 1024), operator?.passwordHash ?? null);
    if (operator === null || !right) {
      const locked = await fail(request, typed, operator, 'password');
      return page(request, reply, locked === null ? 401 : 429, { next, name: typed, error: locked ?? WRONG_PASSWORD });
    }
    if (operator.totpSecret === null)
      return finishSignIn(ctx, operators, request, reply, { operator, next, method: 'password' });
    const csrfToken = ensurePreSessionToken(request, reply, config.server.publicUrl);
    const pending = pendingSignIns.create(operator.operatorId, csrfToken, clock.now());
    return page(request, reply, 200, { next, name: operator.name, pending });
  });

  fastify.post('/console/sign-in/code', async (request, reply) => {
    if (!hasPreSessionToken(request, config.server.publicUrl)) return refuseForm(reply);
    const body = form(request);
    const next = safeNextPath(body.get('next'));
    const csrfToken = ensurePreSessionToken(request, reply, config.server.publicUrl);
    const proof = pendingSignIns.read(body.get('pending') ?? '', csrfToken, clock.now());
    const operator = proof === null ? null : await operators.findOperator(proof.operatorId);
    if (operator === null || operator.totpSecret === null) {
      return page(request, reply, 400, { next, error: 'That took too long: sign in again.' });
    }
    const again = { next, name: operator.name, pending: body.get('pending') ?? '' };
    const refused = await refusal(request, operator.name);
    if (refused !== null) return page(request, reply, 429, { ...again, error: refused });
    const step = verifyTotp(decodeBase32(operator.totpSecret) ?? new Uint8Array(), body.get('code') ?? '', clock.now());
    const fresh = step !== null && (await operators.claimTotpStep(operator.operatorId, step));
    if (!fresh) {
      const reason = step === null ? 'code' : 'reused code';
      const locked = await fail(request, operator.name, operator, reason);
      const error = step === null ? 'Wrong code.' : 'That code was used already: wait for the next one.';
      return locked === null
        ? page(request, reply, 401, { ...again, error })
        : page(request, reply, 429, { next, error: locked });
    }
    return finishSignIn(ctx, operators, request, reply, { operator, next, method: 'password and code' });
  });
}

function refuseForm(reply: FastifyReply) {
  return reply
    .code(403)
    .header('content-type', 'text/plain; charset=utf-8')
    .send('Refused: this form did not come from a current console page. Go back, reload it and try again.');
}
