import { BASE58_ALPHABET, hashBase58Checksum } from './hashBase58Checksum.ts';

/**
 * Writes a payload in Base58Check, the form BIP-32 keys (`xpub…`) and TRON addresses (`T…`) are
 * shown in: the payload and its 4-byte checksum read as one base-58 number, each leading zero byte
 * written as a leading '1' (a number has no leading zeros, so they would otherwise be lost).
 *
 * @example
 * encodeBase58Check(Buffer.from('41a614f803b6fd780986a42c78ec9c7f77e6ded13c', 'hex'));
 * // 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' (USDT's contract on TRON)
 */
export function encodeBase58Check(payload: Uint8Array): string {
  const bytes = Buffer.concat([payload, hashBase58Checksum(payload)]);
  const digits: string[] = [];
  for (let value = BigInt(`0x${bytes.toString('hex')}`); value > 0n; value /= 58n) {
    digits.push(BASE58_ALPHABET.charAt(Number(value % 58n)));
  }
  const firstNonZero = bytes.findIndex((byte) => byte !== 0);
  const leadingZeros = firstNonZero === -1 ? bytes.length : firstNonZero;
  return '1'.repeat(leadingZeros) + digits.reverse().join('');
}
