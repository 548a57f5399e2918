import { ConfigError } from '../ConfigError.ts';
import { isRecord } from './isRecord.ts';

/**
 * Reads an object setting. With `known`, every other key is refused: a typo (`stalems`) would
 * otherwise silently fall back to a default.
 */
export function readObject(
  value: unknown,
  setting: string,
  known?: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) throw new ConfigError(setting, 'must be an object');
  if (known === undefined) return value;
  const keys = Object.keys(known);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new ConfigError(setting === '' ? key : `${setting}.${key}`, `is not a setting (known: ${keys.join(', ')})`);
    }
  }
  return value;
}
