import { ConfigError } from '../ConfigError.ts';

/** Reads a string that is not blank, and at most `maxLength` characters when given. */
export function readString(value: unknown, setting: string, maxLength?: number): string {
  if (typeof value !== 'string' || value.trim() === '' || (maxLength !== undefined && value.length > maxLength)) {
    const limit = maxLength === undefined ? '' : ` of at most ${maxLength} characters`;
    throw new ConfigError(setting, `must be a non-empty string${limit}`);
  }
  return value;
}
