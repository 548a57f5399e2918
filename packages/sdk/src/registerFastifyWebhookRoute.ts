import { type KassaWebhookFastifyPluginOptions, kassaWebhookFastifyPlugin } from './kassaWebhookFastifyPlugin.ts';

export type RegisterFastifyWebhookRouteParameters = KassaWebhookFastifyPluginOptions;

/** The part of a fastify instance this helper uses. */
export type FastifyWebhookHost = {
  register(plugin: typeof kassaWebhookFastifyPlugin, options: KassaWebhookFastifyPluginOptions): unknown;
};

/**
 * Adds the Kassa webhook route to a fastify app in its own encapsulated scope.
 *
 * Shorthand for `fastify.register(kassaWebhookFastifyPlugin, options)`; the route exists once the
 * app is ready (`await app.ready()` or `app.listen()`).
 *
 * @example
 * registerFastifyWebhookRoute(app, {
 *   path: '/kassa/webhook',
 *   appId,
 *   appSecret,
 *   onWebhook: async (payload) => markPaid(payload.extend.merchant_order_id),
 * });
 * await app.listen({ host: '127.0.0.1', port: 3000 });
 */
export function registerFastifyWebhookRoute(
  fastify: FastifyWebhookHost,
  options: RegisterFastifyWebhookRouteParameters,
): void {
  fastify.register(kassaWebhookFastifyPlugin, options);
}
