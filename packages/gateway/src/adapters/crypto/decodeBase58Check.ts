import { BASE58_ALPHABET, hashBase58Checksum } from './hashBase58Checksum.ts';

export type DecodeBase58CheckFailure = 'not_base58' | 'bad_checksum';

export type DecodeBase58CheckResult =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly reason: DecodeBase58CheckFailure };

const DIGIT_VALUES = new Map([...BASE58_ALPHABET].map((char, digit) => [char, BigInt(digit)]));
const CHECKSUM_BYTES = 4;

/**
 * Reads a Base58Check string back into its payload and verifies the checksum. A mistyped key or
 * address is an expected outcome, so it comes back as a value that callers name for their users.
 * Text too short to hold a checksum fails as `bad_checksum`. The cost grows with the square of the
 * length: callers bound the text first (an xpub has 111 characters, a TRON address 34).
 *
 * @example
 * decodeBase58Check('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'); // { ok: true, value: <41 a6 14 … 3c> }
 */
export function decodeBase58Check(text: string): DecodeBase58CheckResult {
  let value = 0n;
  for (const char of text) {
    const digit = DIGIT_VALUES.get(char);
    if (digit === undefined) return { ok: false, reason: 'not_base58' };
    value = value * 58n + digit;
  }
  const hex = value === 0n ? '' : value.toString(16);
  let leadingZeros = 0;
  while (text[leadingZeros] === '1') leadingZeros += 1;
  const bytes = Buffer.concat([Buffer.alloc(leadingZeros), Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex')]);
  if (bytes.length < CHECKSUM_BYTES) return { ok: false, reason: 'bad_checksum' };
  const payload = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (!hashBase58Checksum(payload).equals(bytes.subarray(payload.length))) return { ok: false, reason: 'bad_checksum' };
  return { ok: true, value: new Uint8Array(payload) };
}
