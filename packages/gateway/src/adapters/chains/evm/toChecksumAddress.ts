import { keccak_256 } from '@noble/hashes/sha3';
import type { Address } from 'viem';

const LOWERCASE_A = 0x61;
const CASE_OFFSET = 0x20;

/**
 * EIP-55: each letter of the hex address is upper-cased where the matching nibble of
 * keccak256(lowercase hex as ASCII) is 8 or more. Takes the 40 lowercase hex digits, no `0x`.
 * Unlike viem's `checksumAddress`, keeps no cache: each deposit address is new.
 */
export function toChecksumAddress(lowercaseHex: string): Address {
  const ascii = Buffer.from(lowercaseHex, 'latin1');
  const hash = keccak_256(ascii);
  for (let i = 0; i < ascii.length; i += 1) {
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
    const char = ascii[i] ?? 0;
    if (nibble >= 8 && char >= LOWERCASE_A) ascii[i] = char - CASE_OFFSET;
  }
  return `0x${ascii.toString('latin1')}`;
}
