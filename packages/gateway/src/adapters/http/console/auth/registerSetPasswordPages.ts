import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkNewPassword, type NewPasswordProblem } from '../../../../core/operators/checkNewPassword.ts';
import { hashPassword } from '../../../crypto/hashPassword.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { getOperatorStore } from './getOperatorStore.ts';
import { ensurePreSessionToken, hasPreSessionToken } from './preSessionCsrf.ts';
import { SetPasswordPage } from './SetPasswordPage.tsx';

const PROBLEMS: Readonly<Record<NewPasswordProblem, string>> = {
  too_short: 'The password is too short: use at least 12 characters.',
  too_long: 'The password is too long: use at most 1024 characters.',
  mismatch: 'The two passwords differ: type the same one twice.',
};

/** `/console/set-password`: an operator's one-time link sets their password, then is spent. */
export async function registerSetPasswordPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const operators = getOperatorStore(ctx);
  const { clock, config } = ctx.deps;
  /** The page for a link token: its form while the link is good, else why it is not. */
  const page = async (request: FastifyRequest, reply: FastifyReply, token: string, error?: string) => {
    const link = await operators.findLink(token, clock.now());
    const operator = link === null ? null : await operators.findOperator(link.operatorId);
    const html = renderHtmlDocument(
      SetPasswordPage({
        assets: ctx.assets,
        csrfToken: ensurePreSessionToken(request, reply, config.server.publicUrl),
        token: operator === null ? null : token,
        operatorName: operator?.name ?? '',
        error,
      }),
    );
    return sendHtml(request, reply, operator === null ? 410 : error === undefined ? 200 : 400, html);
  };

  fastify.get('/console/set-password', (request: FastifyRequest<{ Querystring: { token?: string } }>, reply) =>
    page(request, reply, request.query.token ?? ''),
  );

  fastify.post('/console/set-password', async (request, reply) => {
    if (!hasPreSessionToken(request, config.server.publicUrl)) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Refused: reload the link and try again.');
    }
    const form = request.body as URLSearchParams;
    const token = form.get('token') ?? '';
    const password = form.get('password') ?? '';
    const problem = checkNewPassword(password, form.get('confirmation') ?? '');
    if (problem !== null) return page(request, reply, token, PROBLEMS[problem]);
    const passwordHash = await hashPassword(password);
    // Spent here, atomically: of two posts with one link, one sets the password.
    const used = await operators.useLink(token, clock.now());
    const operator = used === null ? null : await operators.findOperator(used.operatorId);
    if (operator === null) return page(request, reply, token);
    const nowMs = clock.now();
    await operators.setPassword(operator.operatorId, passwordHash, nowMs);
    await ctx.audit.record({
      operatorId: operator.operatorId,
      operatorName: operator.name,
      action: 'operator.password_set',
      target: operator.name,
      details: {},
      address: request.ip,
      atMs: nowMs,
    });
    return reply.redirect('/console/sign-in?done=password-set', 303);
  });
}
