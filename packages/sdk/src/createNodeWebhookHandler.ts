import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerWebhook } from './answerWebhook.ts';
import { MAX_WEBHOOK_BODY_BYTES, type WebhookHandlerOptions } from './handleWebhook.ts';
import { readRawBody } from './readRawBody.ts';
import { writeWebhookResponse } from './writeWebhookResponse.ts';

export type CreateNodeWebhookHandlerParameters = WebhookHandlerOptions;

/** A `node:http` request listener; it never rejects. */
export type NodeWebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type CreateNodeWebhookHandlerReturnType = NodeWebhookHandler;

/**
 * Creates a `node:http` handler that reads the raw body (64 KiB cap), verifies it and answers Kassa.
 *
 * Answers 200 `success`, 401 with the rejection reason, 405 for other methods, 413 for a body
 * over the cap, 500 when `onWebhook` throws (Kassa then retries).
 *
 * @example
 * const handler = createNodeWebhookHandler({
 *   appId,
 *   appSecret,
 *   onWebhook: async (payload) => markPaid(payload.extend.merchant_order_id),
 * });
 * http.createServer((req, res) => (req.url === '/kassa/webhook' ? handler(req, res) : notFound(res))).listen(3000);
 */
export function createNodeWebhookHandler(
  options: CreateNodeWebhookHandlerParameters,
): CreateNodeWebhookHandlerReturnType {
  return async (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      writeWebhookResponse(res, { statusCode: 405, body: 'method_not_allowed' });
      return;
    }
    await answerWebhook(options, req, res, () => readRawBody(req, MAX_WEBHOOK_BODY_BYTES));
  };
}
