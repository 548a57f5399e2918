import type { ServerResponse } from 'node:http';
import type { WebhookResponse } from './handleWebhook.ts';

/**
 * Writes a webhook handler's answer as plain text on a node (or express) response.
 *
 * @example
 * writeWebhookResponse(res, { statusCode: 200, body: 'success' });
 */
export function writeWebhookResponse(res: ServerResponse, { statusCode, body }: WebhookResponse): void {
  res.statusCode = statusCode;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
