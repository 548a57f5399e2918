// Test fixture: a webhook POSTed over real HTTP, signed as the gateway signs it.
import { createSignedWebhook } from './createSignedWebhook.ts';

export type PostSignedWebhookOptions = Parameters<typeof createSignedWebhook>[0] & {
  /** Bytes sent instead of the signed ones (a forgery). */
  readonly sentBody?: string;
};

/** POSTs a signed webhook to `url` and answers the status and text of the reply. */
export async function postSignedWebhook(
  url: string,
  options: PostSignedWebhookOptions,
): Promise<{ status: number; text: string }> {
  const { sentBody, ...signing } = options;
  const { headers, body } = createSignedWebhook(signing);
  const response = await fetch(url, { method: 'POST', headers, body: sentBody ?? body });
  return { status: response.status, text: await response.text() };
}
