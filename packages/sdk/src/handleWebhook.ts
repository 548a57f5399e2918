import { KassaWebhookError } from './KassaWebhookError.ts';
import type { WebhookPayload } from './types.ts';
import { verifyWebhook, type WebhookHeaders } from './verifyWebhook.ts';

/** Largest webhook body the ready handlers read; Kassa's bodies are well under 2 KiB. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/** What every ready-made webhook handler takes. */
export type WebhookHandlerOptions = {
  appId: string;
  appSecret: string;
  /**
   * Called once per verified webhook. Resolve to acknowledge (`200 success`); throw to answer 500
   * so Kassa retries later. Webhooks can repeat: act idempotently on `record_id` + `pay_status`.
   */
  onWebhook: (payload: WebhookPayload) => void | Promise<void>;
  /** Largest accepted |now - Timestamp|. Defaults to 300. */
  toleranceSeconds?: number;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** Told about each rejected webhook (`KassaWebhookError`) and each `onWebhook` failure, e.g. to log them. */
  onError?: (error: unknown) => void;
};

/** Status and plain-text body a handler answers with. */
export type WebhookResponse = {
  statusCode: number;
  body: string;
};

export type HandleWebhookRequest = {
  headers: WebhookHeaders;
  rawBody: string | Uint8Array;
};

/**
 * Verifies one webhook and runs the merchant's callback; the framework-free core of the ready handlers.
 *
 * Answers 200 `success` (what Kassa counts as delivered), 401 with the rejection reason, or 500
 * when `onWebhook` throws.
 *
 * @example
 * const { statusCode, body } = await handleWebhook(options, { headers: req.headers, rawBody });
 */
export async function handleWebhook(
  options: WebhookHandlerOptions,
  { headers, rawBody }: HandleWebhookRequest,
): Promise<WebhookResponse> {
  let payload: WebhookPayload;
  try {
    payload = verifyWebhook({
      headers,
      rawBody,
      appId: options.appId,
      appSecret: options.appSecret,
      ...(options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  } catch (error) {
    if (!(error instanceof KassaWebhookError)) throw error;
    options.onError?.(error);
    return { statusCode: 401, body: error.reason };
  }
  try {
    await options.onWebhook(payload);
  } catch (error) {
    options.onError?.(error);
    // Anything but `success` makes Kassa retry; the merchant's error stays on the merchant's side.
    return { statusCode: 500, body: 'error' };
  }
  return { statusCode: 200, body: 'success' };
}
