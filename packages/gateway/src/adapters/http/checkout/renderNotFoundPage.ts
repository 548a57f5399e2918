import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { isRightToLeft } from './isRightToLeft.ts';
import type { CheckoutLocale } from './pickLocale.ts';
import type { CheckoutAssetHrefs } from './renderCheckoutPage.ts';

/** The page shown for an unknown token (with a 404 status): it says nothing about other orders. */
export function renderNotFoundPage(p: { t: Translate; locale: CheckoutLocale; assets: CheckoutAssetHrefs }): string {
  const { t, locale } = p;
  return (
    `<!doctype html><html lang="${locale}" dir="${isRightToLeft(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow">' +
    `<title>${esc(t('page.notFoundTitle'))}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${esc(p.assets.css)}"></head>` +
    `<body><div class="page"><main id="main"><section class="card"><h1>${t.html('page.notFoundTitle')}</h1><p class="lead">${t.html('page.notFoundBody')}</p></section></main></div></body></html>`
  );
}
