import { ConfigError } from '../ConfigError.ts';

/**
 * Reads an absolute `http:` or `https:` URL, unchanged. With `refuseCredentials`, a URL with a
 * user name or password is refused (where it would be sent somewhere it does not belong).
 */
export function readHttpUrl(value: unknown, setting: string, { refuseCredentials = false } = {}): string {
  if (typeof value !== 'string' || !URL.canParse(value))
    throw new ConfigError(setting, 'must be an absolute http(s) URL');
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(setting, 'must be an http(s) URL');
  if (refuseCredentials && (url.username !== '' || url.password !== '')) {
    throw new ConfigError(setting, 'must not carry credentials');
  }
  return value;
}
