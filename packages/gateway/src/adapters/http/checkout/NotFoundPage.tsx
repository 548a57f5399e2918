import type { CheckoutAssetHrefs } from './CheckoutPage.tsx';
import type { Translate } from './createTranslator.ts';
import { isRightToLeft } from './isRightToLeft.ts';
import type { CheckoutLocale } from './pickLocale.ts';

export type NotFoundPageProps = {
  readonly t: Translate;
  readonly locale: CheckoutLocale;
  readonly assets: CheckoutAssetHrefs;
};

/** The page shown for an unknown token (with a 404 status): it says nothing about other orders. */
export function NotFoundPage({ t, locale, assets }: NotFoundPageProps) {
  return (
    <html lang={locale} dir={isRightToLeft(locale) ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <title>{t('page.notFoundTitle')}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assets.css} />
      </head>
      <body>
        <div class="page">
          <main id="main">
            <section class="card">
              <h1>{t.node('page.notFoundTitle')}</h1>
              <p class="lead">{t.node('page.notFoundBody')}</p>
            </section>
          </main>
        </div>
      </body>
    </html>
  );
}
