import { RESULT_CODES } from '@kassa/sdk';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from '../../app/Deps.ts';
import type { CheckoutState } from '../../app/getCheckoutState.ts';
import type { KassaDb } from '../db/createDb.ts';
import { createAuditLog } from '../db/operators/createAuditLog.ts';
import { addHttpMetricsHook, REPLY_RESULT_CODES } from '../metrics/addHttpMetricsHook.ts';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics.ts';
import { registerCheckout } from './checkout/registerCheckout.ts';
import { registerConsole } from './console/registerConsole.ts';
import { createReadiness, type Readiness } from './createReadiness.ts';
import { createSecurityHeaders } from './createSecurityHeaders.ts';
import { createMerchantRoutes } from './merchantApi/createMerchantRoutes.ts';
import { MERCHANT_API_PREFIX, type MerchantHandler, registerMerchantApi } from './merchantApi/registerMerchantApi.ts';
import { signEnvelope } from './merchantApi/signEnvelope.ts';
import { registerHealth } from './registerHealth.ts';

export type CreateHttpServerParameters = {
  readonly deps: Deps;
  readonly kassaDb: KassaDb;
  /** Pino logger options, or false for none (tests). */
  readonly logger?: boolean | object;
  /** Extra merchant endpoints that later parts of the gateway add (coins, rates, bills, …). */
  readonly extraMerchantRoutes?: Readonly<Record<string, MerchantHandler>>;
  /** Sandbox only (`kassa dev`): the sandbox wallet under each checkout page. */
  readonly checkoutDevPanel?: (state: CheckoutState) => string;
  /** What `/readyz` checks; default: the database and its migrations. */
  readonly readiness?: Pick<Readiness, 'check'>;
  /** Counts requests by route and result (`kassa serve`). */
  readonly metrics?: Pick<GatewayMetrics, 'observeHttpRequest'> | undefined;
  /** `kassa dev` only: the secret of the console's password-less sign-in link. */
  readonly consoleDevSignInToken?: string | undefined;
};

/** Builds the Fastify app: merchant API, checkout pages, operator console, health. Call `listen` on the result. */
export async function createHttpServer(p: CreateHttpServerParameters): Promise<FastifyInstance> {
  const { deps } = p;
  const fastify = Fastify({
    logger: p.logger ?? false,
    bodyLimit: deps.config.server.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    // Timeouts on every connection: a slow client cannot hold a socket for long.
    requestTimeout: 30_000,
    connectionTimeout: 30_000,
    // Fastify's own 503 while closing is a bare JSON object with no `code` and no signature; each
    // scope answers requests read during the stop itself (see `isClosing`).
    return503OnClosing: false,
    // No route declares a JSON schema (requests are read by protocol/request). Left to its default,
    // Fastify loads ajv and fast-json-stringify for them anyway: about 600 KB of code an idle gateway
    // keeps in memory for nothing. A route that does declare a schema fails at start-up instead.
    schemaController: { compilersFactory: { buildValidator: refuseSchemas, buildSerializer: refuseSchemas } },
  });
  // Set once `close()` began: Fastify then still reads requests on connections it had accepted.
  let isClosing = false;
  fastify.addHook('preClose', (done) => {
    isClosing = true;
    done();
  });
  if (p.metrics !== undefined) addHttpMetricsHook(fastify, p.metrics);
  const securityHeaders = createSecurityHeaders();
  // Rate limits are not set here: each plugin guards its own routes (checkout per address, the
  // merchant API per app), so a limit follows the route the router picked, not the URL's spelling.
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await fastify.register(registerMerchantApi, {
    deps,
    routes: { ...createMerchantRoutes(deps), ...p.extraMerchantRoutes },
    isClosing: () => isClosing,
  });
  // Pages and health checks are not merchant API replies: a plain 503 tells a browser or a load
  // balancer to go elsewhere.
  await fastify.register(async (pages) => {
    pages.addHook('onRequest', async (_request, reply) => {
      if (!isClosing) return;
      return reply.code(503).header('connection', 'close').type('text/plain; charset=utf-8').send('stopping');
    });
    await pages.register(registerHealth, { readiness: p.readiness ?? createReadiness({ kassaDb: p.kassaDb, deps }) });
    await pages.register(registerCheckout, {
      deps,
      ...(p.checkoutDevPanel === undefined ? {} : { devPanel: p.checkoutDevPanel }),
    });
    await pages.register(registerConsole, {
      deps,
      kassaDb: p.kassaDb,
      audit: createAuditLog(p.kassaDb),
      devSignInToken: p.consoleDevSignInToken,
    });
  });
  fastify.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith(MERCHANT_API_PREFIX)) {
      const { body } = signEnvelope({ code: RESULT_CODES.unknown_path, msg: 'unknown endpoint' }, null, 0);
      REPLY_RESULT_CODES.set(reply, RESULT_CODES.unknown_path);
      return reply.code(404).header('content-type', 'application/json; charset=utf-8').send(body);
    }
    return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
  });
  return fastify;
}

function refuseSchemas(): never {
  throw new Error('route schemas are not compiled here: read and check the request in protocol/request');
}
