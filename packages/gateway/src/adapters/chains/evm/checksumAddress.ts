import type { Address } from 'viem';
import { toChecksumAddress } from './toChecksumAddress.ts';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * A `0x…` address in any case, checksummed for display (EIP-55). Takes the place of viem's
 * `getAddress` on the request path, which would load all of viem into an API-only process.
 * Throws on anything but 20 hex bytes: stored addresses are validated when written.
 */
export function checksumAddress(address: string): Address {
  if (!HEX_ADDRESS.test(address)) throw new TypeError(`not a 20-byte hex address: ${address}`);
  return toChecksumAddress(address.slice(2).toLowerCase());
}
