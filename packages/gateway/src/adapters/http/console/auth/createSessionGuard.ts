import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleContext } from '../ConsoleContext.ts';

/**
 * Placeholder while the console is being built (not wired into the server yet): sends every
 * request to the sign-in page. The real guard reads the session cookie and checks CSRF on posts.
 */
export function createSessionGuard(_ctx: ConsoleContext) {
  return async (_request: FastifyRequest, reply: FastifyReply) => reply.redirect('/console/sign-in', 303);
}
