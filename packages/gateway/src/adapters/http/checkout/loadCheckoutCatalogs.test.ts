// Risk: a language misses a message (the buyer sees English mid-page) or a translation drops or renames a value placeholder.
import { describe, expect, it } from 'vitest';
import { loadCheckoutCatalogs } from './loadCheckoutCatalogs.ts';
import { CHECKOUT_LOCALES } from './pickLocale.ts';

const catalogs = loadCheckoutCatalogs();
const english = catalogs.get('en') ?? {};
const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('checkout catalogs', () => {
  it('has a catalog for each of the twelve languages', () => {
    expect([...catalogs.keys()]).toEqual([...CHECKOUT_LOCALES]);
    expect(CHECKOUT_LOCALES).toHaveLength(12);
  });

  it.each(CHECKOUT_LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const catalog = catalogs.get(locale) ?? {};
    const missing = Object.keys(english).filter((key) => !Object.hasOwn(catalog, key));
    const extra = Object.keys(catalog).filter((key) => !Object.hasOwn(english, key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(CHECKOUT_LOCALES.filter((l) => l !== 'en'))(
    '%s keeps every placeholder and leaves nothing blank',
    (locale) => {
      const catalog = catalogs.get(locale) ?? {};
      for (const [key, message] of Object.entries(english)) {
        const translated = catalog[key] ?? '';
        expect(translated.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholdersOf(translated), `${locale} ${key}`).toEqual(placeholdersOf(message));
      }
    },
  );

  it('names each language in itself, once', () => {
    const names = CHECKOUT_LOCALES.map((locale) => catalogs.get(locale)?.['language.name']);
    expect(new Set(names).size).toBe(CHECKOUT_LOCALES.length);
    expect(names).toContain('العربية');
  });
});
