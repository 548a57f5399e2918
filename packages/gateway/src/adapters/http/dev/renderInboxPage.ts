import { escapeHtml as esc } from '../checkout/escapeHtml.ts';
import type { InboxEntry } from './createWebhookInbox.ts';
import { DEV_STYLESHEET_PATH } from './devStylesheet.ts';

/** Seconds between reloads: the page has no script, so it refreshes itself to show new webhooks. */
const REFRESH_SECONDS = 5;

/**
 * `/dev/inbox`: every webhook the sandbox received, newest first, with headers, body and whether
 * the signature verified. Everything shown is escaped: the bodies carry merchant-chosen text.
 */
export function renderInboxPage(entries: readonly InboxEntry[]): string {
  const items =
    entries.length === 0
      ? '<p>No webhooks yet. Pay an order of the sandbox app (its webhook URL points here) and one arrives within a second.</p>'
      : entries.map(renderEntry).join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<meta name="robots" content="noindex,nofollow"><meta http-equiv="refresh" content="${REFRESH_SECONDS}">` +
    `<title>Webhook inbox · Kassa sandbox</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${DEV_STYLESHEET_PATH}"></head>` +
    '<body><main class="inbox"><h1>Webhook inbox</h1>' +
    `<p>What the sandbox app’s webhook endpoint received (the last few hundred, kept in memory; refreshes every ${REFRESH_SECONDS} s). As JSON: <a href="/dev/inbox.json">/dev/inbox.json</a>.</p>` +
    `${items}</main></body></html>`
  );
}

function renderEntry(entry: InboxEntry): string {
  const payload = entry.payload;
  const title =
    payload === null
      ? 'webhook'
      : `${payload.pay_status} · ${payload.order_status} · order ${payload.extend.merchant_order_id}`;
  const verdict = entry.isVerified
    ? '<p class="ok">✓ Signature verified (answered <code>success</code>)</p>'
    : `<p class="bad">✗ Not verified: ${esc(entry.problem ?? 'unknown reason')} (answered 401, so Kassa retries)</p>`;
  const headers = Object.entries(entry.headers)
    .map(([name, value]) => `<tr><th scope="row">${esc(name)}</th><td>${esc(value)}</td></tr>`)
    .join('');
  return (
    `<article class="entry" id="webhook-${entry.seq}"><h2>#${entry.seq} ${esc(title)}</h2>` +
    `<p><time datetime="${new Date(entry.receivedAtMs).toISOString()}">${new Date(entry.receivedAtMs).toISOString()}</time></p>` +
    `${verdict}<table><caption class="dev-note">Headers</caption>${headers}</table>` +
    `<pre>${esc(prettyJson(entry.body))}</pre></article>`
  );
}

/** Indents a JSON body for reading; anything else is shown as it came. */
function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Not JSON: the raw text is exactly what should be shown.
    return body;
  }
}
