import type { Address } from 'viem';
import { publicKeyToAddress } from 'viem/accounts';
import { parseXpub } from './parseXpub.ts';

// secp256k1 field prime; p ≡ 3 (mod 4), so a square root is a single exponentiation.
const FIELD_PRIME = 2n ** 256n - 2n ** 32n - 977n;
const MAX_NON_HARDENED_INDEX = 2 ** 31 - 1;

/**
 * Derives the deposit address at `xpub/0/<index>` (external chain, non-hardened), checksummed.
 * Throws on an invalid xpub or index: both are validated earlier (config load, index allocation),
 * so reaching here with bad input is a bug.
 *
 * @example
 * deriveDepositAddress('xpub6C…', 0); // '0x…' — the same address the wallet shows at m/44'/60'/0'/0/0
 */
export function deriveDepositAddress(xpub: string, index: number): Address {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_NON_HARDENED_INDEX) {
    throw new RangeError(`deposit address index must be an integer in 0..${MAX_NON_HARDENED_INDEX}, got ${index}`);
  }
  const parsed = parseXpub(xpub);
  if (!parsed.ok) throw new TypeError(parsed.message);
  const child = parsed.value.key.deriveChild(0).deriveChild(index);
  if (child.publicKey === null) throw new Error('derived key has no public key');
  return publicKeyToAddress(decompressPublicKey(child.publicKey));
}

/** BIP-32 keeps public keys compressed; an Ethereum address hashes the uncompressed x ‖ y. */
function decompressPublicKey(compressed: Uint8Array): `0x04${string}` {
  const x = BigInt(`0x${Buffer.from(compressed.subarray(1)).toString('hex')}`);
  const ySquared = (modPow(x, 3n) + 7n) % FIELD_PRIME;
  let y = modPow(ySquared, (FIELD_PRIME + 1n) / 4n);
  // The prefix byte (02 even, 03 odd) picks which of the two roots y is.
  if (((y & 1n) === 1n) !== (compressed[0] === 0x03)) y = FIELD_PRIME - y;
  return `0x04${x.toString(16).padStart(64, '0')}${y.toString(16).padStart(64, '0')}`;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % FIELD_PRIME;
  let e = exponent;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = (result * b) % FIELD_PRIME;
    b = (b * b) % FIELD_PRIME;
    e >>= 1n;
  }
  return result;
}
