import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { finishSignIn } from './finishSignIn.ts';
import { getOperatorStore } from './getOperatorStore.ts';

/** The operator `kassa dev`'s link signs in as. */
export const DEV_OPERATOR_NAME = 'dev';

/**
 * `/console/dev-sign-in?token=…`, registered only when `kassa dev` made a token: signs in as
 * operator `dev` (made when missing) without a password. The token is random per start of
 * `kassa dev` and printed in its banner alone.
 */
export async function registerDevSignIn(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const expected = ctx.devSignInToken;
  if (expected === undefined) return;
  const operators = getOperatorStore(ctx);
  fastify.get('/console/dev-sign-in', async (request: FastifyRequest<{ Querystring: { token?: string } }>, reply) => {
    const given = Buffer.from(request.query.token ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Refused: not the link kassa dev printed.');
    }
    await operators.insertOperator({
      operatorId: ctx.deps.ids.createId(),
      name: DEV_OPERATOR_NAME,
      createdAtMs: ctx.deps.clock.now(),
    });
    const operator = await operators.findOperatorByName(DEV_OPERATOR_NAME);
    if (operator === null) throw new Error('operator dev missing right after insert');
    return finishSignIn(ctx, operators, request, reply, { operator, next: '/console', method: 'dev link' });
  });
}
