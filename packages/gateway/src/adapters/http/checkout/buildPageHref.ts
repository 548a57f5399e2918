import type { CheckoutLocale } from './pickLocale.ts';

/** A same-site link that keeps the page language, with an optional extra query (`choose=1`). */
export function buildPageHref(path: string, locale: CheckoutLocale, extra?: string): string {
  return `${path}?${extra === undefined ? '' : `${extra}&`}lang=${encodeURIComponent(locale)}`;
}
