import { buildPageHref } from './buildPageHref.ts';
import type { Translate } from './createTranslator.ts';
import type { CheckoutCatalog } from './loadCheckoutCatalogs.ts';
import { CHECKOUT_LOCALES, type CheckoutLocale } from './pickLocale.ts';

export type LanguageSwitcherProps = {
  readonly t: Translate;
  readonly locale: CheckoutLocale;
  readonly catalogs: ReadonlyMap<CheckoutLocale, CheckoutCatalog>;
  /** `/pay/<token>` */
  readonly pagePath: string;
  /** Switching language keeps the coin list open. */
  readonly isChoosing: boolean;
};

/** A disclosure listing every language in its own name and script, the current one marked. */
export function LanguageSwitcher({ t, locale: current, catalogs, pagePath, isChoosing }: LanguageSwitcherProps) {
  const nameOf = (locale: CheckoutLocale) => catalogs.get(locale)?.['language.name'] ?? locale;
  return (
    <details class="lang">
      <summary>
        <span class="visually-hidden">{t('language.label')}: </span>
        {nameOf(current)}
      </summary>
      <ul>
        {CHECKOUT_LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={buildPageHref(pagePath, locale, isChoosing ? 'choose=1' : undefined)}
              hreflang={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
            >
              {nameOf(locale)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
