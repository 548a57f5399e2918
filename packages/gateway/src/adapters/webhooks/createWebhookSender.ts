import type { GuardedAgent } from './createGuardedAgent.ts';
import { parseCidrList } from './parseCidrList.ts';
import type { SendSignedWebhookParameters, SendSignedWebhookReturnType } from './sendSignedWebhook.ts';

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

type LoadedSender = {
  readonly agent: GuardedAgent;
  readonly send: (request: WebhookRequest) => Promise<SendSignedWebhookReturnType>;
};

/**
 * The dispatcher's way out: each attempt signed afresh and posted through an agent that refuses
 * private and loopback targets at connect time (unless `allowedCidrs` lets them through).
 * The agent and the sending code are loaded with the first webhook, not at start: a gateway may
 * go a long time without a webhook to send.
 */
export function createWebhookSender({ allowedCidrs, timeoutMs }: CreateWebhookSenderParameters): WebhookSender {
  // Parsed now, so a bad `allowedCidrs` fails at start, not at the first delivery.
  const allowList = parseCidrList(allowedCidrs);
  let loading: Promise<LoadedSender> | undefined;
  const load = async (): Promise<LoadedSender> => {
    const [{ createGuardedAgent }, { sendSignedWebhook }] = await Promise.all([
      import('./createGuardedAgent.ts'),
      import('./sendSignedWebhook.ts'),
    ]);
    const agent = createGuardedAgent({ allowList });
    return { agent, send: (request) => sendSignedWebhook({ ...request, timeoutMs, agent }) };
  };
  return {
    async send(request) {
      loading ??= load();
      return (await loading).send(request);
    },
    async close() {
      if (loading !== undefined) await (await loading).agent.close();
    },
  };
}
