import { readFileSync } from 'node:fs';
import { CHECKOUT_LOCALES, type CheckoutLocale } from './pickLocale.ts';

/** One language's messages by key; `{name}` marks a value filled in at render time. */
export type CheckoutCatalog = Readonly<Record<string, string>>;

/** Reads every `locales/<locale>.json` once (at startup); a missing or malformed file throws. */
export function loadCheckoutCatalogs(): ReadonlyMap<CheckoutLocale, CheckoutCatalog> {
  return new Map(
    CHECKOUT_LOCALES.map((locale) => {
      const file = new URL(`./locales/${locale}.json`, import.meta.url);
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`checkout catalog ${locale} must be a JSON object`);
      }
      for (const [key, value] of Object.entries(parsed)) {
        if (typeof value !== 'string') throw new Error(`checkout catalog ${locale}: ${key} must be a string`);
      }
      return [locale, Object.freeze(parsed as Record<string, string>)] as const;
    }),
  );
}
