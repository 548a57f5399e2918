import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { createTranslator, type Translate } from './createTranslator.ts';
import type { CheckoutCatalog } from './loadCheckoutCatalogs.ts';
import type { CheckoutLocale } from './pickLocale.ts';
import type { PageContext } from './readPageContext.ts';
import { renderStateView } from './renderStateView.tsx';
import type { StateView } from './StateView.ts';

/** The translators and the rendered views shared by the page, its polling and its stream. */
export type CheckoutViews = {
  readonly catalogs: ReadonlyMap<CheckoutLocale, CheckoutCatalog>;
  translatorOf(locale: CheckoutLocale): Translate;
  /** The view of `state` for one page context, rendered at most once per state object. */
  viewOf(state: CheckoutState, page: PageContext): StateView;
};

/** Builds one translator per language (English filling gaps) and a view cache keyed by state. */
export function createCheckoutViews(catalogs: ReadonlyMap<CheckoutLocale, CheckoutCatalog>): CheckoutViews {
  const reference = catalogs.get('en');
  if (reference === undefined) throw new Error('the English checkout catalog is missing');
  const translators = new Map([...catalogs].map(([locale, catalog]) => [locale, createTranslator(catalog, reference)]));
  const fallback = createTranslator(reference, reference);
  const translatorOf = (locale: CheckoutLocale): Translate => translators.get(locale) ?? fallback;
  // The live feed hands every stream of an order the same state object per poll: each language and
  // mode is rendered once per round, and the entries go with the state.
  const views = new WeakMap<CheckoutState, Map<string, StateView>>();
  const viewOf = (state: CheckoutState, page: PageContext): StateView => {
    let cache = views.get(state);
    if (cache === undefined) {
      cache = new Map();
      views.set(state, cache);
    }
    const key = `${page.locale}|${page.isChoosing}|${page.error ?? ''}`;
    let view = cache.get(key);
    if (view === undefined) {
      view = renderStateView({ state, t: translatorOf(page.locale), ...page });
      cache.set(key, view);
    }
    return view;
  };
  return { catalogs, translatorOf, viewOf };
}
