import { createHash } from 'node:crypto';
import { render } from 'preact-render-to-string';
import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { AwaitingView } from './AwaitingView.tsx';
import { announceView } from './announceView.ts';
import { ChooseView } from './ChooseView.tsx';
import { DetectedView } from './DetectedView.tsx';
import { ExpiredView } from './ExpiredView.tsx';
import { PaidView } from './PaidView.tsx';
import type { CheckoutViewKind, StateView, StateViewContext } from './StateView.ts';
import { UnderpaidView } from './UnderpaidView.tsx';

export type RenderStateViewParameters = StateViewContext;
export type RenderStateViewReturnType = StateView;

/**
 * Renders the state-dependent part of the checkout page (`#view`) for one order and language, to
 * an HTML string: the live feed sends exactly these bytes, and their hash is the view's version.
 */
export function renderStateView(p: RenderStateViewParameters): RenderStateViewReturnType {
  const { state } = p;
  const kind = selectViewKind(state, p.isChoosing);
  const html = render(<ViewOfKind kind={kind} {...p} />);
  const remainingMs = Math.max(state.order.expiresAtMs - state.nowMs, 0);
  const showTimer = state.isOpen && (kind === 'choose' || kind === 'awaiting' || kind === 'underpaid');
  const redirectUrl =
    (kind === 'paid' || kind === 'overpaid') && state.order.returnUrl !== null ? state.order.returnUrl : null;
  const version = createHash('sha256').update(html).digest('base64url').slice(0, 16);
  return { kind, html, announce: announceView(kind, p), showTimer, remainingMs, version, redirectUrl };
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

function ViewOfKind({ kind, ...p }: StateViewContext & { readonly kind: CheckoutViewKind }) {
  switch (kind) {
    case 'choose':
      return <ChooseView {...p} />;
    case 'awaiting':
      return <AwaitingView {...p} />;
    case 'detected':
      return <DetectedView {...p} />;
    case 'underpaid':
      return <UnderpaidView {...p} />;
    case 'paid':
    case 'overpaid':
      return <PaidView {...p} kind={kind} />;
    case 'expired':
      return <ExpiredView {...p} />;
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled checkout view: ${String(value)}`);
}
