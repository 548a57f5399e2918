import type { FastifyInstance } from 'fastify';
import type { Readiness } from './createReadiness.ts';

/**
 * `/healthz`: the process answers (liveness; restart it when this fails). `/readyz`: it can do its
 * work (`createReadiness`): 200 with `{"status":"ready"}`, else 503 with the reasons.
 */
export async function registerHealth(fastify: FastifyInstance, { readiness }: { readiness: Pick<Readiness, 'check'> }) {
  fastify.get('/healthz', async (_request, reply) => reply.send({ status: 'ok' }));
  fastify.get('/readyz', async (_request, reply) => {
    const report = await readiness.check();
    return reply.code(report.status === 'ready' ? 200 : 503).send(report);
  });
}
