// Guards the hand-written curve arithmetic behind every deposit address against noble's.
import { createHash } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { describe, expect, it } from 'vitest';
import { type AffinePoint, addBasePointMultiple } from './addBasePointMultiple.ts';

const { ProjectivePoint: Point, CURVE } = secp256k1;

/** noble's answer: point + scalar·G with the constant-time multiplication (the one BIP-32 libraries use). */
function expected(point: AffinePoint, scalar: bigint): AffinePoint | undefined {
  const sum = scalar === 0n ? Point.fromAffine(point) : Point.fromAffine(point).add(Point.BASE.multiply(scalar));
  return sum.equals(Point.ZERO) ? undefined : sum.toAffine();
}

function pointOf(d: bigint): AffinePoint {
  return Point.BASE.multiply(d).toAffine();
}

/** Deterministic pseudo-random scalars below n: a SHA-256 chain. */
function scalars(count: number): bigint[] {
  let seed = Buffer.from('kassa scalars');
  return Array.from({ length: count }, () => {
    seed = createHash('sha256').update(seed).digest();
    return BigInt(`0x${seed.toString('hex')}`) % CURVE.n;
  });
}

describe('addBasePointMultiple', () => {
  const parent = pointOf(0xc0ffeen);

  it("matches noble's point + k·G for 300 pseudo-random scalars", () => {
    for (const k of scalars(300)) expect(addBasePointMultiple(parent, k)).toEqual(expected(parent, k));
  });

  it('matches at the edges of the signed windows and of the scalar range', () => {
    const edges = [0n, 1n, 2n, 511n, 512n, 513n, 1023n, 1024n, 1025n, 2n ** 128n, 2n ** 255n, CURVE.n - 1n];
    // Every 10-bit window 513, just past half: each digit goes negative and carries into the next.
    let carries = 0n;
    for (let window = 0n; window < 25n; window += 1n) carries |= 513n << (10n * window);
    edges.push(carries, BigInt(`0x${'f'.repeat(56)}`), (1n << 256n) / 3n);
    for (const k of edges) expect(addBasePointMultiple(parent, k)).toEqual(expected(parent, k));
  });

  it('doubles when a table point equals the running sum', () => {
    // parent = 5·G and k = 5: the first addition adds 5·G to itself.
    expect(addBasePointMultiple(pointOf(5n), 5n)).toEqual(pointOf(10n));
    expect(addBasePointMultiple(pointOf(1024n), 1024n)).toEqual(pointOf(2048n));
  });

  it('returns undefined for the point at infinity', () => {
    expect(addBasePointMultiple(pointOf(7n), CURVE.n - 7n)).toBeUndefined();
    const d = scalars(1)[0] ?? 1n;
    expect(addBasePointMultiple(pointOf(d), CURVE.n - d)).toBeUndefined();
  });
});
