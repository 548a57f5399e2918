import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';

/** Seconds a paid page waits before returning the buyer to the merchant. */
export const RETURN_COUNTDOWN_SECONDS = 10;

export type RenderReturnLinkParameters = {
  readonly t: Translate;
  /** The merchant's `return_url`; no link without one. */
  readonly returnUrl: string | null;
  /** Paid pages count down and then return the buyer (the script shows it; hidden without one). */
  readonly withCountdown: boolean;
};

/** The way back to the merchant, with the paid pages' countdown and a button to stay. */
export function renderReturnLink({ t, returnUrl: url, withCountdown }: RenderReturnLinkParameters): string {
  if (url === null) return '';
  const countdown = withCountdown
    ? `<p class="redirect" data-redirect="${esc(url)}" data-seconds="${RETURN_COUNTDOWN_SECONDS}" data-template="${esc(t('return.countdown'))}" hidden></p>`
    : '';
  const stay = withCountdown
    ? `<button type="button" class="button secondary" data-stay hidden>${esc(t('return.stay'))}</button>`
    : '';
  return `${countdown}<p class="actions"><a class="button" href="${esc(url)}" rel="noreferrer">${esc(t('return.link'))}</a>${stay}</p>`;
}
