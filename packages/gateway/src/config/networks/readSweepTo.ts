import { checksumAddress } from '../../adapters/chains/evm/checksumAddress.ts';
import { ConfigError } from '../ConfigError.ts';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ZERO_ADDRESS = /^0x0{40}$/;

/**
 * Reads a sweep destination. A mixed-case address must carry a valid EIP-55 checksum: a typo in
 * it would send every deposit somewhere nobody holds the key. The zero address is refused.
 */
export function readSweepTo(value: unknown, setting: string): `0x${string}` {
  if (typeof value !== 'string' || !HEX_ADDRESS.test(value)) {
    throw new ConfigError(setting, 'must be a 0x address of 40 hex digits');
  }
  if (ZERO_ADDRESS.test(value)) throw new ConfigError(setting, 'must not be the zero address');
  const checksummed = checksumAddress(value);
  const isMixedCase =
    value.slice(2) !== value.slice(2).toLowerCase() && value.slice(2) !== value.slice(2).toUpperCase();
  if (isMixedCase && value !== checksummed) {
    throw new ConfigError(setting, `has a wrong EIP-55 checksum (did you mean ${checksummed}?)`);
  }
  return checksummed;
}
