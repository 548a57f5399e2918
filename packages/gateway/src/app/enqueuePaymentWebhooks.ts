import { encodeJson } from '@kassa/sdk';
import type { App } from '../core/App.ts';
import type { DeliveryEvent } from '../core/Delivery.ts';
import type { Network } from '../core/network.ts';
import type { Order } from '../core/Order.ts';
import type { OrderStatus } from '../core/OrderStatus.ts';
import type { Payment } from '../core/Payment.ts';
import type { Stores } from '../core/ports.ts';
import type { Quote } from '../core/Quote.ts';
import { toWireNetwork } from '../protocol/toWireNetwork.ts';
import { buildDepositWebhookBody } from '../protocol/webhook/buildDepositWebhookBody.ts';
import { wireContractOf } from '../protocol/wireContractOf.ts';
import type { Deps } from './Deps.ts';

export type EnqueuePaymentWebhooksDeps = Pick<Deps, 'ids'> & {
  /** The transaction that changes the payment: the webhook commits with it. */
  readonly tx: Stores;
  /**
   * The configured networks (`deps.networks`): a native-coin payment's wire `contract` is its
   * network's chain id (spec §9), which only the network knows. Without it that field is `""`.
   */
  readonly networks?: readonly Network[];
};

export type EnqueuePaymentWebhooksParameters = {
  readonly app: App;
  readonly order: Order;
  /** The quote the payment was made against. */
  readonly quote: Quote;
  /** The payment in its new status. */
  readonly payment: Payment;
  /** The order's status after this change. */
  readonly orderStatus: OrderStatus;
  readonly nowMs: number;
};

/**
 * Writes the webhook the payment's current status calls for into the outbox. Call it in the SAME
 * transaction as the payment change (`deps.tx`), so the change and its webhook commit together.
 * Idempotent: one delivery per (record, event), a repeated call writes nothing.
 */
export async function enqueuePaymentWebhooks(
  { tx, ids, networks = [] }: EnqueuePaymentWebhooksDeps,
  p: EnqueuePaymentWebhooksParameters,
): Promise<void> {
  const url = p.order.notifyUrl ?? p.app.webhookUrl;
  if (url === null || url === '') return;
  const event = await selectEvent(tx, p);
  if (event === null) return;
  const body = buildDepositWebhookBody({
    event,
    order: p.order,
    quote: p.quote,
    payment: p.payment,
    orderStatus: p.orderStatus,
    feeRate: p.app.feeRate,
    contract: wireContractOf(p.quote, networks),
    wire: toWireNetwork(p.quote.networkKey, networks),
  });
  await tx.deliveries.insertDelivery({
    deliveryId: ids.createId(),
    appId: p.app.appId,
    orderId: p.order.orderId,
    recordId: p.payment.recordId,
    event,
    url,
    body: encodeJson(body),
    createdAtMs: p.nowMs,
  });
}

async function selectEvent(tx: Stores, p: EnqueuePaymentWebhooksParameters): Promise<DeliveryEvent | null> {
  switch (p.payment.status) {
    case 'processing':
      // Early notices are opt-in (spec §7).
      return p.app.notifyProcessing ? 'processing' : null;
    case 'success':
      return 'success';
    case 'failed':
      // A reorg is news only to a merchant who heard about the payment before.
      return (await tx.deliveries.hasDeliveryFor(p.payment.recordId, ['processing', 'success'])) ? 'failed' : null;
    default:
      return assertNever(p.payment.status);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled payment status: ${String(value)}`);
}
