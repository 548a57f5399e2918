import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerWebhook } from './answerWebhook.ts';
import { encodeJson } from './encodeJson.ts';
import { MAX_WEBHOOK_BODY_BYTES, type WebhookHandlerOptions } from './handleWebhook.ts';
import { type ReadRawBodyReturnType, readRawBody } from './readRawBody.ts';

export type CreateExpressWebhookHandlerParameters = WebhookHandlerOptions;

/** The part of an express `Request` the handler uses (express is not a runtime dependency). */
export type ExpressWebhookRequest = IncomingMessage & { body?: unknown };

/** An express route handler; it never rejects. */
export type ExpressWebhookHandler = (req: ExpressWebhookRequest, res: ServerResponse) => Promise<void>;

export type CreateExpressWebhookHandlerReturnType = ExpressWebhookHandler;

/**
 * Creates an express route handler that verifies a Kassa webhook and answers it.
 *
 * Mount it behind `express.raw({ type: () => true })` (any content type) or with no body parser at all (it then
 * reads the stream itself, 64 KiB cap). If `express.json()` already parsed the body, it verifies
 * over `JSON.stringify(req.body)`, which works because Kassa signs exactly that compact form.
 * Answers 200 `success`, 401 with the reason, 413 for a body over the cap, 500 when `onWebhook` throws.
 *
 * @example
 * app.post(
 *   '/kassa/webhook',
 *   express.raw({ type: () => true }),
 *   createExpressWebhookHandler({ appId, appSecret, onWebhook: (payload) => markPaid(payload) }),
 * );
 */
export function createExpressWebhookHandler(
  options: CreateExpressWebhookHandlerParameters,
): CreateExpressWebhookHandlerReturnType {
  return (req, res) => answerWebhook(options, req, res, () => readExpressBody(req));
}

/** The raw body, from whichever body parser ran (or none). */
async function readExpressBody(req: ExpressWebhookRequest): Promise<ReadRawBodyReturnType> {
  const { body } = req;
  if (body instanceof Uint8Array) return { ok: true, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  if (typeof body === 'string') return { ok: true, body: Buffer.from(body, 'utf8') };
  // No parser consumed the stream (express 5 leaves `req.body` undefined then).
  if (!req.readableEnded) return readRawBody(req, MAX_WEBHOOK_BODY_BYTES);
  if (body === undefined || body === null) return { ok: true, body: Buffer.alloc(0) };
  return { ok: true, body: Buffer.from(encodeJson(body), 'utf8') };
}
