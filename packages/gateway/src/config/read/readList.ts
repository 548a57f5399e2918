import { ConfigError } from '../ConfigError.ts';

/**
 * Reads a list, each item with `readItem` under the setting `<setting>[i]`. `what` names the
 * items in the message: `must be a list of http(s) URLs`.
 */
export function readList<T>(
  value: unknown,
  setting: string,
  what: string,
  readItem: (item: unknown, setting: string) => T,
  { nonEmpty = false }: { readonly nonEmpty?: boolean } = {},
): T[] {
  if (!Array.isArray(value) || (nonEmpty && value.length === 0)) {
    throw new ConfigError(setting, `must be a ${nonEmpty ? 'non-empty ' : ''}list of ${what}`);
  }
  return value.map((item, i) => readItem(item, `${setting}[${i}]`));
}
