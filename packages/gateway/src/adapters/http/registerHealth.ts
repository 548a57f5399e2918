import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { KassaDb } from '../db/createDb.ts';

/** `/healthz` (the process answers) and `/readyz` (it can reach its database). */
export async function registerHealth(fastify: FastifyInstance, { kassaDb }: { kassaDb: KassaDb }) {
  fastify.get('/healthz', async (_request, reply) => reply.send({ status: 'ok' }));
  fastify.get('/readyz', async (request, reply) => {
    try {
      await sql`select 1`.execute(kassaDb.db);
      return reply.send({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
}
