import { parseXpub } from '../../adapters/chains/evm/parseXpub.ts';
import { ConfigError } from '../ConfigError.ts';

/** Reads an extended public key; an extended private key is refused, saying why. */
export function readXpub(value: unknown, setting: string): string {
  if (typeof value !== 'string') throw new ConfigError(setting, 'must be an xpub string');
  const parsed = parseXpub(value);
  if (!parsed.ok) throw new ConfigError(setting, `is invalid: ${parsed.message}`);
  return parsed.value.xpub;
}
