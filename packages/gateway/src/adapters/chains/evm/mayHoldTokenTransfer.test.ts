// Risk: a block holding one of our token transfers is judged empty by its bloom and a payment is missed.
import { bytesToHex, type Hex, hexToBytes, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { mayHoldTokenTransfer } from './mayHoldTokenTransfer.ts';
import { TRANSFER_TOPIC } from './parseTransferLog.ts';

const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

/** A 2048-bit logs bloom with `values` added as the yellow paper (§4.3.1) says. */
function bloomOf(values: readonly Hex[]): Hex {
  const bloom = new Uint8Array(256);
  for (const value of values) {
    const hash = hexToBytes(keccak256(value));
    for (const i of [0, 2, 4]) {
      const bit = (((hash[i] ?? 0) << 8) | (hash[i + 1] ?? 0)) & 2047;
      bloom[255 - (bit >> 3)] = (bloom[255 - (bit >> 3)] ?? 0) | (1 << (bit & 7));
    }
  }
  return bytesToHex(bloom);
}

describe('mayHoldTokenTransfer', () => {
  it('is true when the bloom holds the Transfer topic and a listed contract', () => {
    expect(mayHoldTokenTransfer(bloomOf([TRANSFER_TOPIC, USDT]), [USDC, USDT])).toBe(true);
  });

  it.each([
    ['an empty bloom', bloomOf([])],
    ['only the Transfer topic', bloomOf([TRANSFER_TOPIC])],
    ['only a listed contract', bloomOf([USDT])],
    ['the Transfer topic of another contract', bloomOf([TRANSFER_TOPIC, USDC])],
  ])('is false for %s', (_, bloom) => {
    expect(mayHoldTokenTransfer(bloom, [USDT])).toBe(false);
  });

  it('is true for a bloom of the wrong size, which proves nothing', () => {
    expect(mayHoldTokenTransfer('0x00', [USDT])).toBe(true);
  });
});
