// Guards the field inversion behind every deposit address (one per address) against noble's.
import { createHash } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { describe, expect, it } from 'vitest';
import { invertFieldElement } from './invertFieldElement.ts';

const { Fp } = secp256k1.CURVE;
const P = Fp.ORDER;

describe('invertFieldElement', () => {
  it("equals noble's inverse for 5,000 pseudo-random elements and the edges", () => {
    const elements = [
      1n,
      2n,
      3n,
      P - 1n,
      P - 2n,
      (P + 1n) / 2n,
      2n ** 47n - 1n,
      2n ** 48n,
      2n ** 255n,
      2n ** 200n + 1n,
    ];
    let seed = Buffer.from('kassa inverses');
    for (let i = 0; i < 5_000; i += 1) {
      seed = createHash('sha256').update(seed).digest();
      // Some elements short, so the leading-bits shift reaches 0.
      const bits = i % 10 === 0 ? BigInt(8 + (i % 250)) : 256n;
      elements.push((BigInt(`0x${seed.toString('hex')}`) % (1n << bits)) % P || 1n);
    }
    for (const a of elements) {
      const inverse = invertFieldElement(a);
      expect(inverse).toBe(Fp.inv(a));
      expect((inverse * a) % P).toBe(1n);
    }
  });

  it('refuses 0', () => {
    expect(() => invertFieldElement(0n)).toThrow(RangeError);
  });
});
