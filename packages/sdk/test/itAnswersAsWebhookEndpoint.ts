// Test fixture: what every webhook endpoint the SDK builds owes Kassa, whatever framework hosts it.
import { expect, it } from 'vitest';
import { createWebhookPayload } from './createSignedWebhook.ts';
import type { WebhookRecorder } from './createWebhookRecorder.ts';
import { type PostSignedWebhookOptions, postSignedWebhook } from './postSignedWebhook.ts';

export type ItAnswersAsWebhookEndpointParameters = {
  /** The endpoint's URL, read when the tests run (servers start in beforeAll). */
  readonly url: () => string;
  readonly recorder: WebhookRecorder;
  /** Seconds the endpoint's clock reads: webhooks are signed at that time. */
  readonly nowSeconds: number;
  /** A forgery to send, and the reason the endpoint must give for refusing it. */
  readonly forgery: { readonly options: Omit<PostSignedWebhookOptions, 'timestamp'>; readonly reason: string };
};

/** Declares the tests every endpoint must pass: 200 `success` and the payload handed over, 401 to a forgery, 500 when onWebhook throws. */
export function itAnswersAsWebhookEndpoint(p: ItAnswersAsWebhookEndpointParameters): void {
  it('answers 200 success to a signed webhook', async () => {
    expect(await postSignedWebhook(p.url(), { timestamp: p.nowSeconds })).toEqual({ status: 200, text: 'success' });
    expect(p.recorder.delivered).toEqual([createWebhookPayload()]);
  });

  it('answers 401 to a forged webhook', async () => {
    const response = await postSignedWebhook(p.url(), { ...p.forgery.options, timestamp: p.nowSeconds });
    expect(response).toEqual({ status: 401, text: p.forgery.reason });
    expect(p.recorder.delivered).toEqual([]);
  });

  it('answers 500 when onWebhook throws', async () => {
    p.recorder.failNext = true;
    expect((await postSignedWebhook(p.url(), { timestamp: p.nowSeconds })).status).toBe(500);
  });
}
