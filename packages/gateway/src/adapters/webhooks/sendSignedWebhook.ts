import { signHeaders } from '@kassa/sdk';
import type { GuardedAgent } from './createGuardedAgent.ts';
import { type PostWebhookReturnType, postWebhook } from './postWebhook.ts';

export type SendSignedWebhookParameters = {
  readonly url: string;
  /** The exact bytes to sign and send. */
  readonly body: string;
  readonly appId: string;
  readonly appSecret: string;
  /** When the attempt starts: the signature's timestamp. */
  readonly nowMs: number;
  readonly timeoutMs: number;
  /** The dispatcher to send through: the one from `createGuardedAgent`. */
  readonly agent: GuardedAgent;
  /** Aborting it cuts the attempt short (see postWebhook). */
  readonly signal?: AbortSignal;
};

export type SendSignedWebhookReturnType = PostWebhookReturnType;

/** Signs `body` for the app as the CCPayment headers require and posts it once (spec §7). */
export function sendSignedWebhook({
  url,
  body,
  appId,
  appSecret,
  nowMs,
  timeoutMs,
  agent,
  signal,
}: SendSignedWebhookParameters): Promise<SendSignedWebhookReturnType> {
  return postWebhook({
    url,
    body,
    // Signed afresh on every attempt: receivers reject webhooks signed too long ago (spec §7).
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...signHeaders({ appId, appSecret, nowMs, body }) },
    timeoutMs,
    agent,
    ...(signal === undefined ? {} : { signal }),
  });
}
