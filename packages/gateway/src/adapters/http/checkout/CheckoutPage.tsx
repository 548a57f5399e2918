import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { buildPageHref } from './buildPageHref.ts';
import type { Translate } from './createTranslator.ts';
import { isRightToLeft } from './isRightToLeft.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import type { CheckoutCatalog } from './loadCheckoutCatalogs.ts';
import { OrderSummary } from './OrderSummary.tsx';
import type { CheckoutLocale } from './pickLocale.ts';
import { RETURN_COUNTDOWN_SECONDS } from './ReturnLink.tsx';
import type { StateView } from './StateView.ts';

/** Where the page's stylesheet and script are served (content-hashed, cached for a year). */
export type CheckoutAssetHrefs = { readonly css: string; readonly js: string };

export type CheckoutPageProps = {
  readonly state: CheckoutState;
  readonly view: StateView;
  readonly t: Translate;
  readonly locale: CheckoutLocale;
  readonly catalogs: ReadonlyMap<CheckoutLocale, CheckoutCatalog>;
  /** `/pay/<token>` */
  readonly pagePath: string;
  readonly isChoosing: boolean;
  /** Extra query the live-update URLs carry so they render the same view (`choose=1&error=…`). */
  readonly liveQuery: string | undefined;
  readonly assets: CheckoutAssetHrefs;
  /** Sandbox only (`kassa dev`): the sandbox wallet's HTML, shown under the order. */
  readonly devPanel?: string;
};

/** Seconds between reloads when JavaScript is off and the order can still change. */
const NO_SCRIPT_REFRESH_SECONDS = 15;

/** The whole checkout document: head, order summary, the state view and the language switcher. */
export function CheckoutPage(p: CheckoutPageProps) {
  const { view, t, locale } = p;
  return (
    <html lang={locale} dir={isRightToLeft(locale) ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <title>{t('page.title', { product: p.state.order.productName })}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={p.assets.css} />
        <script src={p.assets.js} defer />
        <NoScriptRefresh view={view} />
      </head>
      <body>
        <div class="page">
          <header class="top">
            <LanguageSwitcher {...p} />
          </header>
          <main
            id="main"
            data-events={buildPageHref(`${p.pagePath}/events`, locale, p.liveQuery)}
            data-poll={buildPageHref(`${p.pagePath}/status.json`, locale, p.liveQuery)}
            data-version={view.version}
          >
            <OrderSummary state={p.state} view={view} t={t} />
            {/* Trusted markup: renderStateView's own output, escaped by the renderer when it was made. */}
            <div id="view" data-view={view.kind} dangerouslySetInnerHTML={{ __html: view.html }} />
            <p id="live" class="visually-hidden" role="status" />
            {/* Trusted markup: the sandbox panel, rendered (and escaped) by its own view. */}
            {p.devPanel === undefined ? null : <div dangerouslySetInnerHTML={{ __html: p.devPanel }} />}
          </main>
          <footer class="foot">
            <p>{t.node('page.footer')}</p>
          </footer>
        </div>
      </body>
    </html>
  );
}

/** Without JavaScript: reload while the order can change, or return to the merchant once paid. */
function NoScriptRefresh({ view }: { view: StateView }) {
  if (view.redirectUrl !== null) {
    return (
      <noscript>
        <meta http-equiv="refresh" content={`${RETURN_COUNTDOWN_SECONDS};url=${view.redirectUrl}`} />
      </noscript>
    );
  }
  const isSettled =
    view.kind === 'paid' || view.kind === 'overpaid' || view.kind === 'expired' || view.kind === 'choose';
  return isSettled ? null : (
    <noscript>
      <meta http-equiv="refresh" content={String(NO_SCRIPT_REFRESH_SECONDS)} />
    </noscript>
  );
}
