import { enqueuePaymentWebhooks } from '../../src/app/enqueuePaymentWebhooks.ts';
import type { App } from '../../src/core/App.ts';
import type { IdSource, Stores } from '../../src/core/ports.ts';
import type { PaidOrder } from './buildPaidOrder.ts';

export type EnqueuePaidOrderWebhooksParameters = {
  readonly app: App;
  /** What `buildPaidOrder` made: its payment's webhook is written, with the order paid in full. */
  readonly built: PaidOrder;
  readonly nowMs: number;
  readonly ids: IdSource;
};

/** Writes the webhook of a paid order's payment into the outbox in `tx`, as recording the payment would. */
export function enqueuePaidOrderWebhooks(tx: Stores, p: EnqueuePaidOrderWebhooksParameters): Promise<void> {
  return enqueuePaymentWebhooks(
    { tx, ids: p.ids },
    { app: p.app, ...p.built, orderStatus: { funds: 'full', isOverdue: false }, nowMs: p.nowMs },
  );
}
