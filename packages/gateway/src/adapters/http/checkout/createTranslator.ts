import { Fragment, h, type VNode } from 'preact';
import type { CheckoutCatalog } from './loadCheckoutCatalogs.ts';

/**
 * Plain text of a message with its `{name}` values filled in, and `node`: the same message as
 * view children, each value isolated in `<bdi>` so an address, an amount or a product name keeps
 * its own direction inside an Arabic sentence. Both are text to the renderer, which escapes them:
 * no message or value is ever markup.
 */
export type Translate = {
  (key: string, values?: Readonly<Record<string, string>>): string;
  node(key: string, values?: Readonly<Record<string, string>>): VNode;
};

/** `{name}` placeholders; the capture keeps them in `split`'s output at odd indices. */
const PLACEHOLDER = /\{(\w+)\}/;

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
  const fill = <T>(key: string, values: Readonly<Record<string, string>>, wrap: (value: string) => T) =>
    messageOf(key)
      .split(PLACEHOLDER)
      .map((part, i) => {
        if (i % 2 === 0) return part;
        const value = values[part];
        return value === undefined ? `{${part}}` : wrap(value);
      });
  const text = (key: string, values: Readonly<Record<string, string>> = {}) => fill(key, values, (v) => v).join('');
  const node = (key: string, values: Readonly<Record<string, string>> = {}) =>
    h(
      Fragment,
      null,
      fill(key, values, (v) => h('bdi', null, v)).filter((part) => part !== ''),
    );
  return Object.assign(text, { node });
}
