import type { ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../app/Deps.ts';
import { type CheckoutState, getCheckoutState } from '../../../app/getCheckoutState.ts';
import { selectCoin, TooManyQuotesError } from '../../../app/selectCoin.ts';
import { KassaError } from '../../../core/KassaError.ts';
import { createWindowRateLimiter } from '../createWindowRateLimiter.ts';
import { buildPageHref } from './buildPageHref.ts';
import { chooseEncoding } from './chooseEncoding.ts';
import { createCheckoutCsp } from './createCheckoutCsp.ts';
import { createCheckoutFeed } from './createCheckoutFeed.ts';
import { createTranslator, type Translate } from './createTranslator.ts';
import { type CheckoutAsset, loadCheckoutAssets } from './loadCheckoutAssets.ts';
import { loadCheckoutCatalogs } from './loadCheckoutCatalogs.ts';
import { type CheckoutLocale, pickLocale } from './pickLocale.ts';
import { renderCheckoutPage } from './renderCheckoutPage.ts';
import { renderNotFoundPage } from './renderNotFoundPage.ts';
import { CHECKOUT_ERRORS, type CheckoutErrorCode, renderStateView, type StateView } from './renderStateView.ts';

export type RegisterCheckoutPagesOptions = {
  readonly deps: Deps;
  /** How often open live-update streams re-read their orders; 1 s by default. */
  readonly livePollMs?: number;
  /** Sandbox only (`kassa dev`): renders the sandbox wallet shown under the order. */
  readonly devPanel?: (state: CheckoutState) => string;
};

type PageQuery = { lang?: string; choose?: string; error?: string };
type PageRequest = FastifyRequest<{ Params: { token: string }; Querystring: PageQuery }>;

/** Live streams one order may hold open (tabs, devices); more fall back to polling. */
const MAX_STREAMS_PER_ORDER = 16;
/** Live streams one process holds open in all. */
const MAX_STREAMS = 5000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/** Resend the countdown when the server's and the script's idea of the time left drift this far. */
const TIMER_DRIFT_MS = 3000;
/** Random tokens are URL-safe base64 (≥ 128 bits); anything else is answered without a query. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The buyer's pages: `/pay/<token>` (server-rendered, works without JavaScript), the coin choice
 * (`POST /pay/<token>/select`), live updates (`/events`, server-sent) with a polling fallback
 * (`/status.json`), and the content-hashed stylesheet and script under `/pay/assets/`.
 */
export async function registerCheckoutPages(fastify: FastifyInstance, options: RegisterCheckoutPagesOptions) {
  const { deps } = options;
  const catalogs = loadCheckoutCatalogs();
  const reference = catalogs.get('en');
  if (reference === undefined) throw new Error('the English checkout catalog is missing');
  const translators = new Map([...catalogs].map(([locale, catalog]) => [locale, createTranslator(catalog, reference)]));
  const translatorOf = (locale: CheckoutLocale): Translate =>
    translators.get(locale) ?? createTranslator(reference, reference);
  const assets = loadCheckoutAssets();
  const assetsByPath = new Map<string, CheckoutAsset>([
    [assets.css.path, assets.css],
    [assets.js.path, assets.js],
  ]);
  const assetHrefs = { css: assets.css.path, js: assets.js.path };
  const csp = createCheckoutCsp(deps.config.checkout.frameAncestors);
  const loadState = (token: string) => getCheckoutState(deps, token);
  const feed = createCheckoutFeed<CheckoutState>({
    load: loadState,
    intervalMs: options.livePollMs ?? 1000,
    onError: (error) => fastify.log.error({ err: error }, 'checkout live update failed'),
  });
  const openStreams = new Set<ServerResponse>();

  // Every rendered view of one polled state, per language and mode: rendered once per round.
  const views = new WeakMap<CheckoutState, Map<string, StateView>>();
  const viewOf = (state: CheckoutState, page: PageContext): StateView => {
    let cache = views.get(state);
    if (cache === undefined) {
      cache = new Map();
      views.set(state, cache);
    }
    const key = `${page.locale}|${page.isChoosing}|${page.error ?? ''}`;
    let view = cache.get(key);
    if (view === undefined) {
      view = renderStateView({ state, t: translatorOf(page.locale), ...page });
      cache.set(key, view);
    }
    return view;
  };

  // The pages are open to anyone: a per-address budget keeps one client from monopolising them.
  // Hooked in this plugin's scope, so it covers exactly the requests routed here (`/%70ay/…` too)
  // and nothing else: health checks, polled by load balancers from one address, stay unlimited.
  const ipLimiter = createWindowRateLimiter({ limit: deps.config.server.ipRequestsPerMinute, windowMs: 60_000 });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (ipLimiter.tryTake(request.ip, deps.clock.now())) {
      done();
      return;
    }
    reply
      .code(429)
      .header('retry-after', '60')
      .header('content-type', 'text/plain; charset=utf-8')
      .send('too many requests');
  });

  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, new URLSearchParams(String(body))),
  );

  fastify.addHook('preClose', async () => {
    // Open streams would hold the server open forever; the script reconnects elsewhere.
    feed.close();
    for (const stream of openStreams) stream.end();
    openStreams.clear();
  });

  fastify.get<{ Params: { file: string } }>('/pay/assets/:file', async (request, reply) => {
    const asset = assetsByPath.get(`/pay/assets/${request.params.file}`);
    if (asset === undefined)
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.identity);
  });

  fastify.get('/pay/:token', async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const state = TOKEN_PATTERN.test(request.params.token) ? await loadState(request.params.token) : null;
    if (state === null) {
      return sendHtml(
        request,
        reply,
        404,
        renderNotFoundPage({ t: translatorOf(page.locale), locale: page.locale, assets: assetHrefs }),
      );
    }
    const html = renderCheckoutPage({
      state,
      view: viewOf(state, page),
      t: translatorOf(page.locale),
      locale: page.locale,
      catalogs,
      pagePath: page.pagePath,
      isChoosing: page.isChoosing,
      liveQuery: page.isChoosing ? `choose=1${page.error === null ? '' : `&error=${page.error}`}` : undefined,
      assets: assetHrefs,
      ...(options.devPanel === undefined ? {} : { devPanel: options.devPanel(state) }),
    });
    return sendHtml(request, reply, 200, html);
  });

  fastify.post('/pay/:token/select', async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const order = TOKEN_PATTERN.test(request.params.token)
      ? await deps.store.orders.findOrderByCheckoutToken(request.params.token)
      : null;
    if (order === null) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
    const tokenId = form.get('token_id') ?? '';
    let error: CheckoutErrorCode | null = null;
    try {
      await selectCoin(deps, { order, tokenId });
    } catch (caught) {
      error = toCheckoutError(caught);
      if (error === 'failed') request.log.error({ err: caught }, 'choosing a coin failed');
    }
    // Post/redirect/get: a reload never resubmits, and the address shows at a plain URL.
    const location =
      error === null
        ? buildPageHref(page.pagePath, page.locale)
        : buildPageHref(page.pagePath, page.locale, `choose=1&error=${error}`);
    return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
  });

  fastify.get('/pay/:token/status.json', async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const state = TOKEN_PATTERN.test(request.params.token) ? await loadState(request.params.token) : null;
    reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    if (state === null) return reply.code(404).send({ error: 'not_found' });
    return reply.send(toLivePayload(state, viewOf(state, page)));
  });

  // No HEAD twin: a HEAD request must not hold a stream open.
  fastify.get('/pay/:token/events', { exposeHeadRoute: false }, async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const { token } = request.params;
    const state = TOKEN_PATTERN.test(token) ? await loadState(token) : null;
    if (state === null) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    if (feed.countListeners(token) >= MAX_STREAMS_PER_ORDER || feed.size() >= MAX_STREAMS) {
      // EventSource gives up on a non-200 answer; the script then polls status.json instead.
      return reply
        .code(429)
        .header('retry-after', '30')
        .header('content-type', 'text/plain; charset=utf-8')
        .send('too many streams');
    }
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    openStreams.add(stream);
    stream.write('retry: 3000\n\n');
    let sentVersion = '';
    let sentRemainingMs = 0;
    let sentAtMs = 0;
    const send = (next: CheckoutState) => {
      const view = viewOf(next, page);
      const expectedRemainingMs = Math.max(sentRemainingMs - (Date.now() - sentAtMs), 0);
      const hasDrifted = Math.abs(expectedRemainingMs - view.remainingMs) > TIMER_DRIFT_MS;
      if (view.version === sentVersion && !hasDrifted) return;
      sentVersion = view.version;
      sentRemainingMs = view.remainingMs;
      sentAtMs = Date.now();
      stream.write(`event: state\ndata: ${JSON.stringify(toLivePayload(next, view))}\n\n`);
    };
    send(state);
    const unsubscribe = feed.subscribe(token, send);
    const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    stream.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(stream);
    });
  });

  function sendHtml(request: FastifyRequest, reply: FastifyReply, status: number, html: string) {
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .header('vary', 'accept-encoding, accept-language');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding === 'identity') return reply.send(html);
    reply.header('content-encoding', encoding);
    // Quality 5 / level 6: nearly the best ratio for a 10–20 KB page at well under a millisecond.
    return reply.send(
      encoding === 'br'
        ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(html, { level: 6 }),
    );
  }
}

type PageContext = {
  readonly locale: CheckoutLocale;
  readonly pagePath: string;
  readonly isChoosing: boolean;
  readonly error: CheckoutErrorCode | null;
};

function readPageContext(request: PageRequest): PageContext {
  const query = request.query;
  const error = CHECKOUT_ERRORS.find((code) => code === query.error) ?? null;
  return {
    locale: pickLocale({ requested: query.lang, acceptLanguage: request.headers['accept-language'] }),
    pagePath: `/pay/${encodeURIComponent(request.params.token)}`,
    isChoosing: query.choose === '1' || error !== null,
    error,
  };
}

/** What the live script needs to redraw the page: never an internal id. */
function toLivePayload(state: CheckoutState, view: StateView) {
  return {
    version: view.version,
    status: state.summary.status,
    view: view.kind,
    html: view.html,
    announce: view.announce,
    showTimer: view.showTimer,
    remainingMs: view.remainingMs,
    redirectUrl: view.redirectUrl,
  };
}

function toCheckoutError(error: unknown): CheckoutErrorCode {
  if (!(error instanceof KassaError)) return 'failed';
  // Also `invalid_param`, but the buyer can do something else about it than about a fixed coin.
  if (error instanceof TooManyQuotesError) return 'too_many_changes';
  switch (error.code) {
    case 'unsupported_token':
      return 'unsupported_token';
    case 'rate_unavailable':
      return 'rate_unavailable';
    // selectCoin refuses a change once a payment was seen, for merchant-chosen coins, and after expiry.
    case 'invalid_param':
      return 'coin_fixed';
    default:
      return 'failed';
  }
}
