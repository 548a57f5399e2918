// Guards against a checksum that wallets reject or that differs from viem's on any address.
import { createHash } from 'node:crypto';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from './toChecksumAddress.ts';

// The examples of EIP-55 itself (ethereum/EIPs, EIPS/eip-55.md).
const EIP55_EXAMPLES = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('toChecksumAddress', () => {
  it("reproduces EIP-55's examples", () => {
    for (const address of EIP55_EXAMPLES) expect(toChecksumAddress(address.slice(2).toLowerCase())).toBe(address);
  });

  it("agrees with viem's getAddress on 2,000 addresses, all digits and all letters included", () => {
    const hexes = ['0'.repeat(40), 'f'.repeat(40), 'abcdef'.repeat(7).slice(0, 40)];
    // Deterministic pseudo-random addresses: a SHA-256 chain.
    let seed = Buffer.from('kassa');
    for (let i = 0; i < 2_000; i += 1) {
      seed = createHash('sha256').update(seed).digest();
      hexes.push(seed.toString('hex', 0, 20));
    }
    for (const hex of hexes) expect(toChecksumAddress(hex)).toBe(getAddress(`0x${hex}`));
  });
});
