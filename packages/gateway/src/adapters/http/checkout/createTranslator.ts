import { escapeHtml } from './escapeHtml.ts';
import type { CheckoutCatalog } from './loadCheckoutCatalogs.ts';

/**
 * Plain text of a message with its `{name}` values filled in (the caller escapes it), and `html`:
 * the same message escaped, each value escaped and isolated in `<bdi>` so an address, an amount or
 * a product name keeps its own direction inside an Arabic sentence.
 */
export type Translate = {
  (key: string, values?: Readonly<Record<string, string>>): string;
  html(key: string, values?: Readonly<Record<string, string>>): string;
};

/**
 * A lookup in `catalog` that falls back to `reference` (English) for a missing message, and
 * throws for a key no catalog knows: that is a typo in the page, which tests render and catch.
 */
export function createTranslator(catalog: CheckoutCatalog, reference: CheckoutCatalog): Translate {
  const messageOf = (key: string): string => {
    const message = Object.hasOwn(catalog, key)
      ? catalog[key]
      : Object.hasOwn(reference, key)
        ? reference[key]
        : undefined;
    if (message === undefined) throw new Error(`checkout message ${key} is missing from the reference catalog`);
    return message;
  };
  // One pass over the message, so a value that itself contains `{x}` is never expanded again.
  const fill = (message: string, values: Readonly<Record<string, string>>, wrap: (value: string) => string) =>
    message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : wrap(value);
    });
  const text = (key: string, values: Readonly<Record<string, string>> = {}) => fill(messageOf(key), values, (v) => v);
  const html = (key: string, values: Readonly<Record<string, string>> = {}) =>
    fill(escapeHtml(messageOf(key)), values, (v) => `<bdi>${escapeHtml(v)}</bdi>`);
  return Object.assign(text, { html });
}
