import { createHash } from 'node:crypto';
import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { renderAwaitingView } from './renderAwaitingView.ts';
import { renderChooseView } from './renderChooseView.ts';
import { renderDetectedView } from './renderDetectedView.ts';
import { renderExpiredView } from './renderExpiredView.ts';
import { renderPaidView } from './renderPaidView.ts';
import { renderUnderpaidView } from './renderUnderpaidView.ts';
import type { CheckoutViewKind, StateView, StateViewContext, ViewPart } from './StateView.ts';

export type RenderStateViewParameters = StateViewContext;
export type RenderStateViewReturnType = StateView;

/** Renders the state-dependent part of the checkout page (`#view`) for one order and language. */
export function renderStateView(p: RenderStateViewParameters): RenderStateViewReturnType {
  const { state } = p;
  const kind = selectViewKind(state, p.isChoosing);
  const { html, announce } = renderKind(kind, p);
  const remainingMs = Math.max(state.order.expiresAtMs - state.nowMs, 0);
  const showTimer = state.isOpen && (kind === 'choose' || kind === 'awaiting' || kind === 'underpaid');
  const redirectUrl =
    (kind === 'paid' || kind === 'overpaid') && state.order.returnUrl !== null ? state.order.returnUrl : null;
  const version = createHash('sha256').update(html).digest('base64url').slice(0, 16);
  return { kind, html, announce, showTimer, remainingMs, version, redirectUrl };
}

function selectViewKind(state: CheckoutState, isChoosing: boolean): CheckoutViewKind {
  const { summary } = state;
  if (state.pendingPayments.length > 0 && (summary.funds === 'none' || summary.funds === 'part')) return 'detected';
  switch (summary.status.funds) {
    case 'none':
      if (!summary.status.isOpen) return 'expired';
      return summary.newestQuote === null || state.isQuoteUnpriced || (isChoosing && state.canChangeCoin)
        ? 'choose'
        : 'awaiting';
    case 'part':
      return 'underpaid';
    case 'full':
      return 'paid';
    case 'more':
      return 'overpaid';
    default:
      return assertNever(summary.status);
  }
}

function renderKind(kind: CheckoutViewKind, p: StateViewContext): ViewPart {
  switch (kind) {
    case 'choose':
      return renderChooseView(p);
    case 'awaiting':
      return renderAwaitingView(p);
    case 'detected':
      return renderDetectedView(p);
    case 'underpaid':
      return renderUnderpaidView(p);
    case 'paid':
    case 'overpaid':
      return renderPaidView(p, kind);
    case 'expired':
      return renderExpiredView(p);
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled checkout view: ${String(value)}`);
}
