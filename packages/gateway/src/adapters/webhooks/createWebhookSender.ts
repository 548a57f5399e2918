import { createGuardedAgent } from './createGuardedAgent.ts';
import { parseCidrList } from './parseCidrList.ts';
import {
  type SendSignedWebhookParameters,
  type SendSignedWebhookReturnType,
  sendSignedWebhook,
} from './sendSignedWebhook.ts';

/** One signed webhook to send: what varies per attempt. */
export type WebhookRequest = Omit<SendSignedWebhookParameters, 'timeoutMs' | 'agent'>;

/** Sends signed webhooks through one address-guarded connection pool. */
export type WebhookSender = {
  send(request: WebhookRequest): Promise<SendSignedWebhookReturnType>;
  /** Closes the pool's connections; the dispatcher calls it once stopped. */
  close(): Promise<void>;
};

export type CreateWebhookSenderParameters = {
  /** Private ranges webhooks may still go to (`webhooks.allowedCidrs`). */
  readonly allowedCidrs: readonly string[];
  readonly timeoutMs: number;
};

/**
 * The dispatcher's way out: each attempt signed afresh and posted through an agent that refuses
 * private and loopback targets at connect time (unless `allowedCidrs` lets them through).
 */
export function createWebhookSender({ allowedCidrs, timeoutMs }: CreateWebhookSenderParameters): WebhookSender {
  const agent = createGuardedAgent({ allowList: parseCidrList(allowedCidrs) });
  return {
    send: (request) => sendSignedWebhook({ ...request, timeoutMs, agent }),
    close: () => agent.close(),
  };
}
