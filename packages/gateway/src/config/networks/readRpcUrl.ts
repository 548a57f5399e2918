import { ConfigError } from '../ConfigError.ts';

const RPC_PROTOCOLS = ['http:', 'https:', 'ws:', 'wss:'];

/**
 * Reads a JSON-RPC endpoint, unchanged: an absolute `http(s)://` URL, or a `ws(s)://` one, over
 * which the watcher also subscribes to new heads.
 */
export function readRpcUrl(value: unknown, setting: string): string {
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new ConfigError(setting, 'must be an absolute http(s):// or ws(s):// URL');
  }
  const { protocol } = new URL(value);
  if (!RPC_PROTOCOLS.includes(protocol)) {
    throw new ConfigError(setting, `must be an http(s):// or ws(s):// URL, not ${protocol}//`);
  }
  return value;
}
