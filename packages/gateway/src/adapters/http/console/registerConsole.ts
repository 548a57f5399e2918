import type { FastifyInstance } from 'fastify';
import { createFundsLedger } from '../../../app/console/createFundsLedger.ts';
import type { Deps } from '../../../app/Deps.ts';
import type { AuditLog } from '../../../core/ports/AuditLog.ts';
import type { KassaDb } from '../../db/createDb.ts';
import { loadStaticAsset } from '../view/loadStaticAsset.ts';
import { registerStaticAssets } from '../view/registerStaticAssets.ts';
import { registerAppPages } from './apps/registerAppPages.tsx';
import { registerAuditPage } from './audit/registerAuditPage.ts';
import { createSessionGuard } from './auth/createSessionGuard.ts';
import { registerAccountPages } from './auth/registerAccountPages.ts';
import { registerConsoleAuth } from './auth/registerConsoleAuth.ts';
import type { ConsoleContext } from './ConsoleContext.ts';
import { createRpcHealthCache } from './networks/createRpcHealthCache.ts';
import { registerNetworkPages } from './networks/registerNetworkPages.tsx';
import { registerOrderPages } from './orders/registerOrderPages.ts';
import { registerOverviewPage } from './overview/registerOverviewPage.ts';
import { registerWebhookPages } from './webhooks/registerWebhookPages.ts';

export type RegisterConsoleOptions = {
  readonly deps: Deps;
  readonly kassaDb: KassaDb;
  readonly audit: AuditLog;
  /** `kassa dev` only: the secret of the password-less sign-in link. */
  readonly devSignInToken?: string | undefined;
};

const ASSETS_DIR = '/console/assets/';

/**
 * A NUL reaches the console's address only percent-escaped (Node refuses the raw byte in a request
 * line); a form body may hold it either way. No stored value holds one, and PostgreSQL refuses it
 * in any text parameter, so a search, cursor, id or form field holding one failed as a server
 * error there: it is refused first.
 */
const NUL_ESCAPE = '%00';
const NUL_REFUSAL = 'The request holds a NUL character (%00), which no console value can contain.';

/**
 * The same policy as the checkout's: only the console's own script and stylesheet, no inline code,
 * same-origin forms, never framed (a framed console invites clickjacking of its buttons).
 */
const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The operator console under `/console`: its assets and sign-in pages are open, every other page
 * sits behind the session guard, which also refuses any form post without the session's CSRF token.
 */
export async function registerConsole(fastify: FastifyInstance, options: RegisterConsoleOptions) {
  const css = loadStaticAsset(new URL('./assets/console.css', import.meta.url), ASSETS_DIR);
  const js = loadStaticAsset(new URL('./assets/console.js', import.meta.url), ASSETS_DIR);
  const ctx: ConsoleContext = {
    deps: options.deps,
    kassaDb: options.kassaDb,
    audit: options.audit,
    fundsLedger: createFundsLedger(options.deps, (error) =>
      fastify.log.warn({ err: error }, 'console: reading the funds ledger failed; the older figures stay shown'),
    ),
    rpcHealth: createRpcHealthCache(options.deps.clock),
    assets: { css: css.path, js: js.path },
    devSignInToken: options.devSignInToken,
  };
  fastify.decorateRequest('consoleSession', null);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', CONSOLE_CSP).header('x-frame-options', 'DENY');
    if (request.url.includes(NUL_ESCAPE)) return reply.code(400).type('text/plain; charset=utf-8').send(NUL_REFUSAL);
  });
  // Forms post urlencoded bodies, small ones: read in this scope alone.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => {
      const text = String(body);
      // A browser escapes it; a hand-made request may send the raw byte.
      if (!text.includes(NUL_ESCAPE) && !text.includes('\u0000')) return done(null, new URLSearchParams(text));
      done(Object.assign(new Error(NUL_REFUSAL), { statusCode: 400 }));
    },
  );
  await fastify.register(registerStaticAssets, { publicDir: ASSETS_DIR, assets: [css, js] });
  await fastify.register(registerConsoleAuth, { ctx });
  await fastify.register(async (pages) => {
    pages.addHook('preHandler', createSessionGuard(ctx));
    for (const plugin of [
      registerOverviewPage,
      registerOrderPages,
      registerWebhookPages,
      registerAppPages,
      registerNetworkPages,
      registerAuditPage,
      registerAccountPages,
    ]) {
      await pages.register(plugin, { ctx });
    }
  });
}
