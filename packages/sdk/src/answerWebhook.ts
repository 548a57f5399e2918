import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleWebhook, type WebhookHandlerOptions } from './handleWebhook.ts';
import type { ReadRawBodyReturnType } from './readRawBody.ts';
import { writeWebhookResponse } from './writeWebhookResponse.ts';

/**
 * Reads a webhook's body with `readBody`, verifies it and writes the answer on `res`: the shared
 * tail of the node and express handlers. Never rejects.
 *
 * @example
 * await answerWebhook(options, req, res, () => readRawBody(req, MAX_WEBHOOK_BODY_BYTES));
 */
export async function answerWebhook(
  options: WebhookHandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  readBody: () => Promise<ReadRawBodyReturnType>,
): Promise<void> {
  try {
    const read = await readBody();
    if (!read.ok) {
      // Close the connection so an oversized body cannot keep it busy.
      res.setHeader('Connection', 'close');
      writeWebhookResponse(res, { statusCode: 413, body: 'too_large' });
      return;
    }
    writeWebhookResponse(res, await handleWebhook(options, { headers: req.headers, rawBody: read.body }));
  } catch (error) {
    // A rejection would crash a node listener's process or reach express's error page; Kassa only
    // needs a non-success answer to retry.
    if (!res.headersSent) writeWebhookResponse(res, { statusCode: 500, body: 'error' });
    else res.destroy(error instanceof Error ? error : undefined);
  }
}
