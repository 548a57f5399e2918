import { KassaWebhookError, verifyWebhook } from '@kassa/sdk';
import type { AppStore, Clock } from '../../../core/ports.ts';

/** One webhook as the sandbox inbox received it. */
export type InboxEntry = {
  /** Counts up from 1 per run: the newest has the highest. */
  readonly seq: number;
  readonly receivedAtMs: number;
  /** The request headers as received (names lower-cased by Node). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body bytes as UTF-8 text. */
  readonly body: string;
  /** The signature checked out against the app's secret, as the SDK's `verifyWebhook` checks it. */
  readonly isVerified: boolean;
  /** Why it did not verify; null when it did. */
  readonly problem: string | null;
  /**
   * The parsed body when it verified: a JSON object, but a signature proves only who sent it, not
   * that it has the fields of a Kassa webhook (a merchant's own test may post `{}`).
   */
  readonly payload: Readonly<Record<string, unknown>> | null;
};

export type WebhookInbox = {
  /** Verifies and stores one webhook; the caller answers `success` only when it verified. */
  receive(request: {
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly rawBody: Buffer;
  }): Promise<InboxEntry>;
  /** Newest first. */
  list(): readonly InboxEntry[];
};

export type CreateWebhookInboxParameters = {
  /** Webhooks of any app in this database verify against that app's secret. */
  readonly apps: Pick<AppStore, 'findApp'>;
  /** The gateway's clock: the same one that stamps the webhooks' `Timestamp`. */
  readonly clock: Clock;
  /** How many webhooks are kept; older ones are dropped. Default 300. */
  readonly capacity?: number;
};

const DEFAULT_CAPACITY = 300;

/**
 * The sandbox's webhook receiver: what a merchant's endpoint would see, kept in memory (the last
 * `capacity` webhooks) for the `/dev/inbox` page. Verifies each one exactly as a merchant does
 * with the SDK, so a broken signature shows up here first.
 */
export function createWebhookInbox({
  apps,
  clock,
  capacity = DEFAULT_CAPACITY,
}: CreateWebhookInboxParameters): WebhookInbox {
  const entries: InboxEntry[] = [];
  let seq = 0;
  return {
    async receive({ headers, rawBody }) {
      const flatHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) flatHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const verdict = await verify(apps, clock, flatHeaders, rawBody);
      const entry: InboxEntry = {
        seq: ++seq,
        receivedAtMs: clock.now(),
        headers: flatHeaders,
        body: rawBody.toString('utf8'),
        ...verdict,
      };
      entries.unshift(entry);
      if (entries.length > capacity) entries.length = capacity;
      return entry;
    },
    list: () => entries.slice(),
  };
}

async function verify(
  apps: Pick<AppStore, 'findApp'>,
  clock: Clock,
  headers: Record<string, string>,
  rawBody: Buffer,
): Promise<Pick<InboxEntry, 'isVerified' | 'problem' | 'payload'>> {
  const appId = headers.appid;
  if (appId === undefined || appId === '') return { isVerified: false, problem: 'no Appid header', payload: null };
  const app = await apps.findApp(appId);
  if (app === null) return { isVerified: false, problem: `unknown app ${appId}`, payload: null };
  try {
    const payload = verifyWebhook({ headers, rawBody, appId, appSecret: app.secret, now: clock.now });
    return { isVerified: true, problem: null, payload };
  } catch (error) {
    // Translated into the entry: showing why a webhook failed is the inbox's whole point.
    if (error instanceof KassaWebhookError) return { isVerified: false, problem: error.message, payload: null };
    throw error;
  }
}
