import { keccak_256 } from '@noble/hashes/sha3';
import { TRANSFER_TOPIC } from './parseTransferLog.ts';

type Hex = `0x${string}`;

/**
 * Whether a block's logs bloom says it may hold a `Transfer` log of one of the contracts. False is
 * certain; true may be a false positive. A bloom of the wrong size proves nothing, so it says true.
 */
export function mayHoldTokenTransfer(logsBloom: Hex, tokenContracts: readonly `0x${string}`[]): boolean {
  const bloom = hexToBytes(logsBloom);
  if (bloom.length !== 256) return true;
  return isInBloom(bloom, TRANSFER_TOPIC) && tokenContracts.some((contract) => isInBloom(bloom, contract));
}

/** Yellow paper §4.3.1: three 11-bit indexes from the first six bytes of the keccak hash. */
function isInBloom(bloom: Uint8Array, value: Hex): boolean {
  const hash = keccak_256(hexToBytes(value));
  for (let i = 0; i < 6; i += 2) {
    const bit = (((hash[i] ?? 0) << 8) | (hash[i + 1] ?? 0)) & 2047;
    if (((bloom[255 - (bit >> 3)] ?? 0) & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** The bytes of `0x…` hex; a malformed or odd-length string gives fewer bytes, never a throw. */
function hexToBytes(hex: Hex): Uint8Array {
  return Buffer.from(hex.slice(2), 'hex');
}
