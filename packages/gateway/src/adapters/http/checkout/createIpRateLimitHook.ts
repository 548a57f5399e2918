import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Clock } from '../../../core/ports.ts';
import { createWindowRateLimiter } from '../createWindowRateLimiter.ts';

export type CreateIpRateLimitHookParameters = {
  /** Requests one client address may make per minute; 0 turns the limit off. */
  readonly requestsPerMinute: number;
  readonly clock: Clock;
};

/**
 * An `onRequest` hook answering 429 once a client address has used up its budget for the minute.
 * Added in a plugin's scope, it guards exactly the routes the router sent there, however their
 * path was spelled (`/%70ay/…` included), and nothing else.
 */
export function createIpRateLimitHook(p: CreateIpRateLimitHookParameters) {
  const limiter = createWindowRateLimiter({ limit: p.requestsPerMinute, windowMs: 60_000 });
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (limiter.tryTake(request.ip, p.clock.now())) {
      done();
      return;
    }
    reply
      .code(429)
      .header('retry-after', '60')
      .header('content-type', 'text/plain; charset=utf-8')
      .send('too many requests');
  };
}
