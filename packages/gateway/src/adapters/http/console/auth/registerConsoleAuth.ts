import type { FastifyInstance } from 'fastify';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { registerDevSignIn } from './registerDevSignIn.ts';
import { registerSetPasswordPages } from './registerSetPasswordPages.ts';
import { registerSignInPages } from './registerSignInPages.tsx';

/**
 * The console pages open without a session: sign-in (password, then code), the one-time
 * set-password link, and `kassa dev`'s sign-in link. Their forms carry a pre-session CSRF token.
 */
export async function registerConsoleAuth(fastify: FastifyInstance, options: ConsolePluginOptions) {
  await fastify.register(registerSignInPages, options);
  await fastify.register(registerSetPasswordPages, options);
  await fastify.register(registerDevSignIn, options);
}
