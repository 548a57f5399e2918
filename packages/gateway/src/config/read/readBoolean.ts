import { ConfigError } from '../ConfigError.ts';

/** Reads `true` or `false`; `"yes"` or `1` are refused rather than guessed at. */
export function readBoolean(value: unknown, setting: string): boolean {
  if (typeof value !== 'boolean') throw new ConfigError(setting, 'must be true or false');
  return value;
}
