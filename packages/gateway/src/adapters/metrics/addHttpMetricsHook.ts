import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from './createGatewayMetrics.ts';

/** Where a reply's CCPayment result code is left for the metrics (set by the merchant API's one send path). */
export const REPLY_RESULT_CODES = new WeakMap<object, number>();

/**
 * Counts every answered request by its route's pattern, which Fastify's router picked, so the label
 * set is bounded whatever URLs clients send; a request no route matched counts as `unmatched`.
 * Added on the root instance before any plugin, so every scope inherits it.
 */
export function addHttpMetricsHook(fastify: FastifyInstance, metrics: Pick<GatewayMetrics, 'observeHttpRequest'>) {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttpRequest({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      resultCode: REPLY_RESULT_CODES.get(reply),
      durationSeconds: reply.elapsedTime / 1000,
    });
    done();
  });
}
