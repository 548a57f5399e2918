import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { type CheckoutState, type GetCheckoutStateDeps, getCheckoutState } from '../../../app/getCheckoutState.ts';
import { createCheckoutFeed } from './createCheckoutFeed.ts';
import type { CheckoutViews } from './createCheckoutViews.ts';
import { createLiveEventWriter } from './createLiveEventWriter.ts';
import { isCheckoutToken } from './isCheckoutToken.ts';
import { type PageRequest, readPageContext } from './readPageContext.ts';
import { toLivePayload } from './toLivePayload.ts';

export type RegisterCheckoutLiveFeedOptions = {
  readonly deps: GetCheckoutStateDeps;
  readonly views: CheckoutViews;
  /** How often open live-update streams re-read their orders; 1 s by default. */
  readonly livePollMs?: number | undefined;
};

/** Live streams one order may hold open (tabs, devices); more fall back to polling. */
const MAX_STREAMS_PER_ORDER = 16;
/** Live streams one process holds open in all. */
const MAX_STREAMS = 5000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Live updates of the buyer's page: server-sent events (`/pay/<token>/events`), fed by one shared
 * poller, and the polling fallback (`/pay/<token>/status.json`) the script uses without them.
 */
export async function registerCheckoutLiveFeed(fastify: FastifyInstance, options: RegisterCheckoutLiveFeedOptions) {
  const { deps, views } = options;
  const loadState = (token: string) => getCheckoutState(deps, { checkoutToken: token });
  const feed = createCheckoutFeed<CheckoutState>({
    load: loadState,
    intervalMs: options.livePollMs ?? 1000,
    onError: (error) => fastify.log.error({ err: error }, 'checkout live update failed'),
  });
  const openStreams = new Set<ServerResponse>();

  fastify.addHook('preClose', async () => {
    // Open streams would hold the server open forever; the script reconnects elsewhere.
    feed.close();
    for (const stream of openStreams) stream.end();
    openStreams.clear();
  });

  fastify.get('/pay/:token/status.json', async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const state = isCheckoutToken(request.params.token) ? await loadState(request.params.token) : null;
    reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    if (state === null) return reply.code(404).send({ error: 'not_found' });
    return reply.send(toLivePayload(state, views.viewOf(state, page)));
  });

  // No HEAD twin: a HEAD request must not hold a stream open.
  fastify.get('/pay/:token/events', { exposeHeadRoute: false }, async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const { token } = request.params;
    const state = isCheckoutToken(token) ? await loadState(token) : null;
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
    const stream = openEventStream(reply.raw);
    openStreams.add(stream);
    const write = createLiveEventWriter({ clock: deps.clock, write: (chunk) => stream.write(chunk) });
    const send = (next: CheckoutState) => write(toLivePayload(next, views.viewOf(next, page)));
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
}

/** Starts an event stream on a hijacked response; the script reconnects after 3 s if it drops. */
function openEventStream(stream: ServerResponse): ServerResponse {
  stream.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  stream.write('retry: 3000\n\n');
  return stream;
}
