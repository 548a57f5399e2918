import { createHash } from 'node:crypto';

/** Bitcoin's Base58 digits, which BIP-32 and TRON use too: no 0, O, I or l, which read alike. */
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * The Base58Check checksum of a payload: the first 4 bytes of SHA-256(SHA-256(payload)). Shared
 * by the encoder and the decoder so both hash exactly the same way.
 */
export function hashBase58Checksum(payload: Uint8Array): Buffer {
  const once = createHash('sha256').update(payload).digest();
  return createHash('sha256').update(once).digest().subarray(0, 4);
}
