import { RESULT_CODES } from '@kassa/sdk';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../app/Deps.ts';
import type { App } from '../../../core/App.ts';
import { KassaError } from '../../../core/KassaError.ts';
import type { RequestBody } from '../../../protocol/request/fieldReaders.ts';
import { REPLY_RESULT_CODES } from '../../metrics/addHttpMetricsHook.ts';
import { createWindowRateLimiter } from '../createWindowRateLimiter.ts';
import { authenticateRequest } from './authenticateRequest.ts';
import { ERROR_REPLIES } from './errorReplies.ts';
import { signEnvelope } from './signEnvelope.ts';

/** One merchant API endpoint: gets the authenticated app and the parsed body, returns `data`. */
export type MerchantHandler = (request: { readonly app: App; readonly body: RequestBody }) => Promise<unknown>;

export type RegisterMerchantApiOptions = {
  readonly deps: Deps;
  /** Endpoint handlers by path below `/ccpayment/v1/`, e.g. `concise/url/get`. */
  readonly routes: Readonly<Record<string, MerchantHandler>>;
  /** True once the server has begun to stop: requests still read then get `service_unavailable`. */
  readonly isClosing?: () => boolean;
};

export const MERCHANT_API_PREFIX = '/ccpayment/v1/';

/**
 * The CCPayment v1 merchant API as an encapsulated Fastify plugin: raw-byte bodies of any content
 * type, signature auth, one error path, and a signature on every reply whose app is known.
 */
export async function registerMerchantApi(
  fastify: FastifyInstance,
  { deps, routes, isClosing = () => false }: RegisterMerchantApiOptions,
) {
  const { clock, config, store } = deps;
  const limiter = createWindowRateLimiter({ limit: config.server.appRequestsPerMinute, windowMs: 60_000 });

  // Clients send every spelling of JSON content type, form-urlencoded for empty bodies, or none:
  // take the bytes as they are, since the signature covers exactly those bytes.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Fastify answers a malformed Content-Type (`;;;`, `text`, a list) with a 415 error before any
  // parser runs. Here the label carries no meaning, so it is dropped before Fastify reads it, and
  // every body, however labelled, reaches the catch-all parser above as bytes. It is deleted from
  // the raw headers: assigning `request.headers` would make every later read of them a copy.
  fastify.addHook('onRequest', (request, _reply, done) => {
    delete request.raw.headers['content-type'];
    done();
  });

  const send = (reply: FastifyReply, code: number, msg: string, data: unknown, app: App | null, httpStatus = 200) => {
    const signed = signEnvelope({ code, msg, data }, app, clock.now());
    REPLY_RESULT_CODES.set(reply, code);
    return reply
      .code(httpStatus)
      .headers(signed.headers)
      .header('content-type', 'application/json; charset=utf-8')
      .send(signed.body);
  };
  const sendError = (reply: FastifyReply, error: KassaError, app: App | null) => {
    const entry = ERROR_REPLIES[error.code];
    return send(reply, entry.resultCode, error.message, null, entry.signed ? app : null, entry.httpStatus);
  };

  // The app the `Appid` header names, to sign an error reply with when the request is not
  // authenticated (yet): an id longer than any app id is not looked up.
  const findNamedApp = async (appId: unknown): Promise<App | null> =>
    typeof appId === 'string' && appId !== '' && appId.length <= 64 ? await store.apps.findApp(appId) : null;

  // A stopping server still reads requests on connections it had accepted (keep-alive, pipelined,
  // sent late): each is answered at once, signed, and the connection closed, before its body is read.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isClosing()) return;
    const error = new KassaError({ code: 'service_unavailable', message: 'the gateway is stopping; retry' });
    reply.header('connection', 'close');
    return sendError(reply, error, await findNamedApp(request.headers.appid));
  });

  fastify.setErrorHandler(async (error, request, reply) => {
    const { code, statusCode } = error as { code?: string; statusCode?: number };
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const message = `request body larger than ${config.server.bodyLimitBytes} bytes`;
      return sendError(reply, new KassaError({ code: 'body_too_large', message }), null);
    }
    if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
      // Fastify's own 4xx (a body cut short, a length that does not match): the client's
      // mistake, not ours, so no stack and no alarm. Signed, like missing_header, when the
      // Appid names an app.
      request.log.info({ code, statusCode }, 'merchant API request body could not be read');
      const app = await findNamedApp(request.headers.appid);
      return sendError(reply, new KassaError({ code: 'invalid_json', message: 'request body could not be read' }), app);
    }
    request.log.error({ err: error }, 'merchant API request failed before its handler');
    return sendError(reply, new KassaError({ code: 'internal_error', message: 'internal error' }), null);
  });

  for (const [path, handler] of Object.entries(routes)) {
    fastify.post(`${MERCHANT_API_PREFIX}${path}`, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const auth = await authenticateRequest({
        headers: request.headers,
        rawBody,
        apps: store.apps,
        nowMs: clock.now(),
        windowSeconds: config.api.signatureWindowSeconds,
      });
      if (!auth.ok) return sendError(reply, auth.error, auth.app);
      const { app } = auth;
      if (!limiter.tryTake(app.appId, clock.now())) {
        return sendError(
          reply,
          new KassaError({ code: 'rate_limited', message: 'too many requests for this app' }),
          app,
        );
      }
      try {
        const data = await handler({ app, body: parseBody(rawBody) });
        return send(reply, RESULT_CODES.success, 'success', data, app);
      } catch (error) {
        if (error instanceof KassaError) return sendError(reply, error, app);
        request.log.error({ err: error, path }, 'merchant API handler failed');
        return sendError(reply, new KassaError({ code: 'internal_error', message: 'internal error' }), app);
      }
    });
  }

  fastify.post(`${MERCHANT_API_PREFIX}*`, async (request, reply) => {
    const path = request.url.slice(MERCHANT_API_PREFIX.length).split('?')[0] ?? '';
    return sendError(reply, new KassaError({ code: 'unknown_path', message: `unknown endpoint: ${path}` }), null);
  });
}

/** Parses the body after the signature check; empty means "no parameters" (spec §1). */
function parseBody(rawBody: Buffer): RequestBody {
  const text = rawBody.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Translated, not swallowed: the parser's position message would only confuse the merchant.
    throw new KassaError({ code: 'invalid_json', message: 'body is not valid JSON' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KassaError({ code: 'invalid_json', message: 'body must be a JSON object' });
  }
  return value as RequestBody;
}
