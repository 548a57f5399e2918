import type { OrderStatus } from './OrderStatus.ts';
import type { PaymentStatus } from './Payment.ts';

/** Where a webhook delivery stands: still being tried, acknowledged, or out of attempts. */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** The `pay_status` a delivery announces: one delivery per payment record and event. */
export type DeliveryEvent = PaymentStatus;

/** One webhook to one URL (an outbox row): the body is fixed, only the signature changes per attempt. */
export type Delivery = {
  readonly deliveryId: string;
  readonly appId: string;
  readonly orderId: string;
  readonly recordId: string;
  readonly event: DeliveryEvent;
  readonly url: string;
  /** The exact JSON text that is signed and sent on every attempt. */
  readonly body: string;
  readonly state: DeliveryState;
  /** Attempts started so far (including those made before a resend, and interrupted ones). */
  readonly attempts: number;
  readonly nextAttemptAtMs: number;
  /** Start of the first attempt of the current round; the retry schedule counts from it. */
  readonly firstAttemptAtMs: number | null;
  readonly leaseOwner: string | null;
  readonly leaseUntilMs: number | null;
  readonly createdAtMs: number;
  readonly deliveredAtMs: number | null;
};

/**
 * A delivery the dispatcher holds the lease of, with its order's status as it stands now: the body
 * is sent with that status, not the one it was written with (docs/webhooks.md, "Order"). Null when
 * the order row is missing or unreadable: the body then goes out as written rather than the whole
 * queue stalling on one bad row.
 */
export type LeasedDelivery = Delivery & { readonly orderStatus: OrderStatus | null };

/**
 * Where an attempt stands. Its row is written `sending` before the request leaves and becomes
 * `finished` with the answer (or the failure) once that is in. `interrupted`: no answer will ever
 * be recorded, because its dispatcher died (marked when the delivery is next attempted) or stopped
 * and cut it short; the merchant may or may not have received it, so the delivery is tried again.
 */
export type DeliveryAttemptState = 'sending' | 'finished' | 'interrupted';

/** One HTTP attempt of a delivery, as recorded for the operator. */
export type DeliveryAttempt = {
  readonly deliveryId: string;
  readonly state: DeliveryAttemptState;
  readonly startedAtMs: number;
  readonly latencyMs: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  /** The first KiB of the answer, as text. */
  readonly responseExcerpt: string;
  readonly delivered: boolean;
};
