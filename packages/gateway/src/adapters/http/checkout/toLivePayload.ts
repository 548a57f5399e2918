import type { OrderStatus } from '@kassa/sdk';
import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import type { CheckoutViewKind, StateView } from './StateView.ts';

/** What the live script needs to redraw the page (`status.json` and each `state` event). */
export type LivePayload = {
  readonly version: string;
  /** The order's status as the merchant API spells it. */
  readonly status: OrderStatus;
  readonly view: CheckoutViewKind;
  readonly html: string;
  readonly announce: string;
  readonly showTimer: boolean;
  readonly remainingMs: number;
  readonly redirectUrl: string | null;
};

/** The live payload of one view: never an internal id. */
export function toLivePayload(state: CheckoutState, view: StateView): LivePayload {
  return {
    version: view.version,
    status: toOrderWireStatus(state.summary.status),
    view: view.kind,
    html: view.html,
    announce: view.announce,
    showTimer: view.showTimer,
    remainingMs: view.remainingMs,
    redirectUrl: view.redirectUrl,
  };
}
