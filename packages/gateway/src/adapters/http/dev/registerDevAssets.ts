import type { FastifyInstance } from 'fastify';
import { DEV_INBOX_SCRIPT, DEV_INBOX_SCRIPT_PATH } from './devInboxScript.ts';
import { DEV_STYLESHEET, DEV_STYLESHEET_PATH } from './devStylesheet.ts';

/** The sandbox pages' own files: their stylesheet and the inbox page's script (no inline code under the CSP). */
export function registerDevAssets(fastify: FastifyInstance): void {
  fastify.get(DEV_STYLESHEET_PATH, async (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'no-cache').send(DEV_STYLESHEET),
  );
  fastify.get(DEV_INBOX_SCRIPT_PATH, async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(DEV_INBOX_SCRIPT),
  );
}
