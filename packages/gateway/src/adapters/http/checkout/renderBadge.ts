import { escapeHtml as esc } from './escapeHtml.ts';

/** The tone of a status badge: waiting, confirming, short, done or closed. */
export type BadgeTone = 'wait' | 'progress' | 'warn' | 'ok' | 'off';

/** The status line at the top of a view card. */
export function renderBadge(text: string, tone: BadgeTone): string {
  return `<p class="badge ${tone}">${esc(text)}</p>`;
}
