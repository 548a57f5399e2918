import { keccak_256 } from '@noble/hashes/sha3';
import type { Address } from 'viem';
import { createExternalChainKey } from './createExternalChainKey.ts';
import { derivePublicChild, type PublicNode } from './derivePublicChild.ts';
import { toChecksumAddress } from './toChecksumAddress.ts';

const MAX_NON_HARDENED_INDEX = 2 ** 31 - 1;
// A gateway has one xpub per network, a handful in all; the bound only stops a caller that
// passes ever new xpubs from growing the map.
const MAX_CACHED_KEYS = 16;
const externalChainKeys = new Map<string, PublicNode>();

/**
 * Derives the deposit address at `xpub/0/<index>` (external chain, non-hardened), checksummed.
 * Throws on an invalid xpub or index: both are validated earlier (config load, index allocation),
 * so reaching here with bad input is a bug. The external-chain key of each xpub is derived once
 * and kept, so an address costs one child step: an HMAC and one point addition.
 *
 * @example
 * deriveDepositAddress('xpub6C…', 0); // '0x…' — the same address the wallet shows at m/44'/60'/0'/0/0
 */
export function deriveDepositAddress(xpub: string, index: number): Address {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_NON_HARDENED_INDEX) {
    throw new RangeError(`deposit address index must be an integer in 0..${MAX_NON_HARDENED_INDEX}, got ${index}`);
  }
  const child = derivePublicChild(getExternalChainKey(xpub), index);
  if (child === undefined) {
    // BIP-32 has wallets skip such an index and use the next. Kassa refuses instead: the next
    // index's address is some other order's, and one address must never serve two orders. The
    // chance is below 1 in 2^127 per index, so no real xpub is expected to ever get here.
    throw new Error(`index ${index} of this xpub is invalid under BIP-32 (I_L ≥ n or the point at infinity)`);
  }
  const { x, y } = child.point;
  const publicKey = Buffer.from(`${x.toString(16).padStart(64, '0')}${y.toString(16).padStart(64, '0')}`, 'hex');
  // The address is the last 20 bytes of keccak256 over the uncompressed key without its 04 prefix.
  return toChecksumAddress(Buffer.from(keccak_256(publicKey).subarray(12)).toString('hex'));
}

function getExternalChainKey(xpub: string): PublicNode {
  const cached = externalChainKeys.get(xpub);
  if (cached !== undefined) return cached;
  const key = createExternalChainKey(xpub);
  // Evicts the key cached first; a real gateway's few xpubs never fill the map.
  if (externalChainKeys.size >= MAX_CACHED_KEYS) {
    const oldest = externalChainKeys.keys().next();
    if (oldest.done !== true) externalChainKeys.delete(oldest.value);
  }
  externalChainKeys.set(xpub, key);
  return key;
}
