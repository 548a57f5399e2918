import type { App } from '../core/App.ts';
import type { DeliveryState } from '../core/Delivery.ts';
import { KassaError } from '../core/KassaError.ts';
import type { ResendRequest } from '../protocol/request/parseResendRequest.ts';
import type { Deps } from './Deps.ts';

export type ResendWebhooksDeps = Pick<Deps, 'store' | 'clock'>;

export type ResendWebhooksParameters = {
  /** The app asking: only its own webhooks are re-queued. */
  readonly app: App;
  readonly request: ResendRequest;
};

/** Resends allowed per app: one a minute, 25 a day (spec §7.2). */
export const RESEND_MIN_INTERVAL_MS = 60_000;
export const RESEND_MAX_PER_DAY = 25;
const DAY_MS = 86_400_000;

/**
 * Re-queues the app's webhooks created in the request's window (`webhook/resend`): they become
 * pending and due now, their attempt count continuing. Limited per app; a refused request is not
 * counted against the limits.
 */
export async function resendWebhooks(
  deps: ResendWebhooksDeps,
  { app, request }: ResendWebhooksParameters,
): Promise<{ readonly resendCount: number }> {
  const nowMs = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const recent = await tx.deliveries.listResendRequestTimes(app.appId, nowMs - DAY_MS + 1);
    const last = recent[0];
    if (last !== undefined && nowMs - last < RESEND_MIN_INTERVAL_MS) {
      throw new KassaError({ code: 'rate_limited', message: 'webhook/resend: at most once per minute' });
    }
    if (recent.length >= RESEND_MAX_PER_DAY) {
      throw new KassaError({ code: 'rate_limited', message: `webhook/resend: at most ${RESEND_MAX_PER_DAY} per day` });
    }
    const states: readonly DeliveryState[] =
      request.webhookResult === 'Failed' ? ['failed'] : ['pending', 'delivered', 'failed'];
    // Kassa makes no refunds, so there are no refund webhooks to resend.
    const resendCount =
      request.transactionType === 'Refund'
        ? 0
        : await tx.deliveries.requeueDeliveries({
            appId: app.appId,
            fromMs: request.startSeconds * 1000,
            toMs: request.endSeconds * 1000 + 999,
            states,
            nowMs,
          });
    await tx.deliveries.insertResendRequest({ appId: app.appId, requestedAtMs: nowMs, resendCount });
    return { resendCount };
  });
}
