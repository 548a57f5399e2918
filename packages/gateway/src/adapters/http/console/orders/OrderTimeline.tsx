import { formatAmount } from '../../../../core/money/formatAmount.ts';
import type { Network } from '../../../../core/network.ts';
import type { Payment } from '../../../../core/Payment.ts';
import type { Quote } from '../../../../core/Quote.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import type { TimelineEntry } from './buildOrderTimeline.ts';
import { ChainLink } from './ChainLink.tsx';
import { WebhookEntry } from './WebhookEntry.tsx';

export type OrderTimelineProps = {
  readonly entries: readonly TimelineEntry[];
  readonly quotes: readonly Quote[];
  readonly networks: readonly Network[];
  readonly session: ConsoleSession;
  readonly orderId: string;
};

/** The order's life as a list, oldest first; each webhook with its attempts and a resend button. */
export function OrderTimeline(p: OrderTimelineProps) {
  const networkOf = (key: string) => p.networks.find((n) => n.key === key);
  return (
    <ol class="timeline">
      {p.entries.map((entry, i) => (
        <li key={`${entry.kind}-${i}`} class={`event-${entry.kind}`}>
          <time dateTime={new Date(entry.atMs).toISOString()}>{formatConsoleTime(entry.atMs)}</time>
          {describe(entry)}
        </li>
      ))}
    </ol>
  );

  function describe(entry: TimelineEntry) {
    switch (entry.kind) {
      case 'created':
        return <strong>Order created</strong>;
      case 'expired':
        return <strong>Valid period ended</strong>;
      case 'quote':
        return <QuoteEntry quote={entry.quote} network={networkOf(entry.quote.networkKey)} />;
      case 'payment-seen':
      case 'payment-confirmed':
      case 'payment-failed':
        return (
          <PaymentEntry
            kind={entry.kind}
            payment={entry.payment}
            quote={p.quotes.find((q) => q.quoteId === entry.payment.quoteId)}
            network={networkOf(entry.payment.networkKey)}
          />
        );
      case 'webhook':
        return (
          <WebhookEntry
            webhook={entry.webhook}
            session={p.session}
            resendAction={`/console/orders/${encodeURIComponent(p.orderId)}/webhooks/${encodeURIComponent(entry.webhook.delivery.deliveryId)}/resend`}
          />
        );
      default:
        return assertNever(entry);
    }
  }
}

function QuoteEntry({ quote, network }: { readonly quote: Quote; readonly network: Network | undefined }) {
  return (
    <>
      <strong>{`Quote: ${formatAmount(quote.amount, quote.decimals)} ${quote.symbol} on ${quote.networkKey}`}</strong>
      <div class="muted">{`at ${quote.tokenRate} USD per ${quote.symbol}`}</div>
      <div>
        {'to '}
        <ChainLink network={network} target={{ address: quote.address }} />
      </div>
    </>
  );
}

const PAYMENT_HEADINGS = {
  'payment-seen': 'Payment seen',
  'payment-confirmed': 'Payment confirmed',
  'payment-failed': 'Payment failed: its block left the chain',
} as const;

function PaymentEntry(p: {
  readonly kind: keyof typeof PAYMENT_HEADINGS;
  readonly payment: Payment;
  readonly quote: Quote | undefined;
  readonly network: Network | undefined;
}) {
  const amount =
    p.quote === undefined
      ? `${p.payment.amount} base units`
      : `${formatAmount(p.payment.amount, p.quote.decimals)} ${p.quote.symbol}`;
  const depth =
    p.network === undefined
      ? ''
      : ` · counts at ${p.network.confirmations} confirmation${p.network.confirmations === 1 ? '' : 's'}`;
  return (
    <>
      <strong>{`${PAYMENT_HEADINGS[p.kind]}: ${amount}`}</strong>
      {p.kind === 'payment-seen' ? (
        <div class="muted">{`in block ${p.payment.blockNumber}${depth} · now ${p.payment.status}`}</div>
      ) : null}
      <div>
        {'transaction '}
        <ChainLink network={p.network} target={{ txid: p.payment.txid }} />
      </div>
    </>
  );
}

function assertNever(value: never): never {
  throw new Error(`unhandled timeline entry: ${JSON.stringify(value)}`);
}
