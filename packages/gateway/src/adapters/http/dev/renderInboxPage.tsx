import { renderHtmlDocument } from '../view/renderHtmlDocument.ts';
import type { InboxEntry } from './createWebhookInbox.ts';
import { DEV_INBOX_SCRIPT_PATH, INBOX_POLL_SECONDS } from './devInboxScript.ts';
import { DEV_STYLESHEET_PATH } from './devStylesheet.ts';
import { SandboxSweepPanel } from './SandboxSweepPanel.tsx';
import type { SandboxSweepState } from './SandboxSweepState.ts';

/**
 * `/dev/inbox`: every webhook the sandbox received, newest first, with headers, body and whether
 * the signature verified. The bodies carry merchant-chosen text: all of it goes in as text, which
 * the renderer escapes. With `sweep`, the page also offers the sandbox's "Sweep to the test
 * account" button.
 */
export function renderInboxPage(entries: readonly InboxEntry[], sweep?: SandboxSweepState): string {
  return renderHtmlDocument(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <title>Webhook inbox · Kassa sandbox</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={DEV_STYLESHEET_PATH} />
        <script src={DEV_INBOX_SCRIPT_PATH} defer />
      </head>
      <body data-newest={entries[0]?.seq ?? 0}>
        <main class="inbox">
          <h1>Webhook inbox</h1>
          <p>
            What the sandbox app’s webhook endpoint received (the last few hundred, kept in memory; a new one shows
            within {INBOX_POLL_SECONDS} s, or <a href="/dev/inbox">reload</a>). As JSON:{' '}
            <a href="/dev/inbox.json">/dev/inbox.json</a>.
          </p>
          {sweep === undefined ? null : <SandboxSweepPanel state={sweep} />}
          {entries.length === 0 ? (
            <p>
              No webhooks yet. Pay an order of the sandbox app (its webhook URL points here) and one arrives within a
              second.
            </p>
          ) : (
            entries.map((entry) => <InboxEntryView key={entry.seq} entry={entry} />)
          )}
        </main>
      </body>
    </html>,
  );
}

function InboxEntryView({ entry }: { entry: InboxEntry }) {
  const receivedAt = new Date(entry.receivedAtMs).toISOString();
  return (
    <article class="entry" id={`webhook-${entry.seq}`}>
      <h2>{`#${entry.seq} ${titleOf(entry.payload)}`}</h2>
      <p>
        <time datetime={receivedAt}>{receivedAt}</time>
      </p>
      {entry.isVerified ? (
        <p class="ok">
          ✓ Signature verified (answered <code>success</code>)
        </p>
      ) : (
        <p class="bad">✗ Not verified: {entry.problem ?? 'unknown reason'} (answered 401, so Kassa retries)</p>
      )}
      <table>
        <caption class="dev-note">Headers</caption>
        {Object.entries(entry.headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </table>
      <pre>{prettyJson(entry.body)}</pre>
    </article>
  );
}

/**
 * `success · Successful · order 42` from the fields that are there and are text. A body is only
 * known to be a JSON object: any field may be missing, or an object whose `toString` is a number.
 */
function titleOf(payload: InboxEntry['payload']): string {
  if (payload === null) return 'webhook';
  const extend = payload.extend;
  const merchantOrderId =
    typeof extend === 'object' && extend !== null ? (extend as Record<string, unknown>).merchant_order_id : undefined;
  const parts = [
    textOf(payload.pay_status),
    textOf(payload.order_status),
    textOf(merchantOrderId) === null ? null : `order ${textOf(merchantOrderId)}`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'webhook' : parts.join(' · ');
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Indents a JSON body for reading; anything else is shown as it came. */
function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Not JSON, or nested too deep to re-indent: the raw text is exactly what should be shown.
    return body;
  }
}
