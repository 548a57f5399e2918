import type { IncomingHttpHeaders } from 'node:http';
import { handleWebhook, MAX_WEBHOOK_BODY_BYTES, type WebhookHandlerOptions } from './handleWebhook.ts';

export type KassaWebhookFastifyPluginOptions = WebhookHandlerOptions & {
  /** Route path inside the plugin's prefix, e.g. `/kassa/webhook`. */
  path: string;
};

/** The part of a fastify request the route reads (fastify is not a runtime dependency). */
export type FastifyWebhookRequest = {
  headers: IncomingHttpHeaders;
  body: unknown;
};

/** The part of a fastify reply the route writes. */
export type FastifyWebhookReply = {
  code(statusCode: number): FastifyWebhookReply;
  header(name: string, value: string): FastifyWebhookReply;
  send(payload: string): FastifyWebhookReply;
};

/** The part of a fastify instance the plugin uses. */
export type FastifyWebhookScope = {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    contentType: string,
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: unknown, body: Buffer) => Promise<Buffer>,
  ): void;
  post(
    path: string,
    handler: (request: FastifyWebhookRequest, reply: FastifyWebhookReply) => Promise<unknown>,
  ): unknown;
};

/**
 * Fastify plugin adding a POST route that verifies Kassa webhooks over the raw body and answers them.
 *
 * Register it with `fastify.register` (not wrapped in `fastify-plugin`): its catch-all
 * `parseAs: 'buffer'` content-type parser then stays inside the plugin's scope and the
 * merchant's other routes keep their JSON parsing. Body cap 64 KiB (larger is 413).
 *
 * @example
 * await app.register(kassaWebhookFastifyPlugin, {
 *   path: '/kassa/webhook',
 *   appId,
 *   appSecret,
 *   onWebhook: async (payload) => markPaid(payload.extend.merchant_order_id),
 * });
 */
export async function kassaWebhookFastifyPlugin(
  fastify: FastifyWebhookScope,
  options: KassaWebhookFastifyPluginOptions,
): Promise<void> {
  // Kassa sends application/json, but the signature covers bytes: no parser may touch them first.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BODY_BYTES },
    async (_request, body) => body,
  );
  fastify.post(options.path, async (request, reply) => {
    // No body at all (no Content-Type, length 0) skips the parser and leaves `body` undefined.
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const { statusCode, body } = await handleWebhook(options, { headers: request.headers, rawBody });
    return reply.code(statusCode).header('content-type', 'text/plain; charset=utf-8').send(body);
  });
}
