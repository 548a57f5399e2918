import { secp256k1 } from '@noble/curves/secp256k1';
import { invertFieldElement } from './invertFieldElement.ts';

/** A point of secp256k1 in affine coordinates (never the point at infinity). */
export type AffinePoint = { readonly x: bigint; readonly y: bigint };
/** Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity. */
type JacobianPoint = { readonly X: bigint; readonly Y: bigint; readonly Z: bigint };

const { Fp, Gx, Gy } = secp256k1.CURVE;
const P = Fp.ORDER;
const MASK_256 = (1n << 256n) - 1n;
// p = 2^256 − 2^32 − 977, so 2^256 ≡ 2^32 + 977 (mod p): a product reduces by folding its high half,
// about a third cheaper than a general `%`.
const FOLD = (1n << 32n) + 977n;
const INFINITY: JacobianPoint = { X: 0n, Y: 1n, Z: 0n };
// Signed digits of WINDOW_BITS bits: the table holds 1..2^(w−1) times 2^(w·j)·G for each window j,
// 26 windows × 512 points for w = 10 (about 2 MB of heap, built on first use in 0.1–0.5 s), and a
// multiplication costs at most one mixed addition per window. w = 12 would save 4 of the 26
// additions for 3× the memory and build time.
const WINDOW_BITS = 10;
const WINDOW_SHIFT = BigInt(WINDOW_BITS);
const WINDOW_MASK = (1n << WINDOW_SHIFT) - 1n;
const HALF_WINDOW = 2 ** (WINDOW_BITS - 1);
// A 256-bit scalar carries into one window beyond floor(256 / w).
const WINDOW_COUNT = Math.floor(256 / WINDOW_BITS) + 1;

let baseTables: AffinePoint[][] | undefined;

/**
 * Returns `point + scalar·G`, or `undefined` for the point at infinity. `scalar` must be in
 * [0, n). Not constant-time: meant for public data only (BIP-32 public derivation, whose tweak
 * anyone holding the xpub can compute). The table of multiples of G is built on the first call.
 *
 * Why not noble's own: its constant-time `multiply` does about twice the additions (dummy ones
 * included) with costlier complete formulas, and in @noble/curves 1.9.1 `multiplyUnsafe` on G is
 * wrong for scalars above about 2^136 (G's table is sized for the endomorphism's half-length
 * scalars, which that path does not split).
 */
export function addBasePointMultiple(point: AffinePoint, scalar: bigint): AffinePoint | undefined {
  const tables = baseTables ?? buildBaseTables();
  let sum: JacobianPoint = { X: point.x, Y: point.y, Z: 1n };
  let rest = scalar;
  for (let window = 0; rest !== 0n; window += 1) {
    let digit = Number(rest & WINDOW_MASK);
    rest >>= WINDOW_SHIFT;
    if (digit > HALF_WINDOW) {
      digit -= 2 * HALF_WINDOW;
      rest += 1n;
    }
    if (digit === 0) continue;
    const multiple = tables[window]?.[Math.abs(digit) - 1];
    if (multiple === undefined) throw new RangeError('scalar out of range for the base-point table');
    sum = addAffine(sum, digit > 0 ? multiple : { x: multiple.x, y: P - multiple.y });
  }
  return toAffine(sum);
}

function buildBaseTables(): AffinePoint[][] {
  const tables: AffinePoint[][] = [];
  let base: AffinePoint = { x: Gx, y: Gy };
  for (let window = 0; window < WINDOW_COUNT; window += 1) {
    const multiples: JacobianPoint[] = [];
    let multiple: JacobianPoint = INFINITY;
    for (let m = 1; m <= HALF_WINDOW; m += 1) {
      multiple = addAffine(multiple, base);
      multiples.push(multiple);
    }
    tables.push(toAffineBatch(multiples));
    const next = toAffine(double(multiple)); // 2 · 2^(w−1) · base = 2^w · base
    if (next === undefined) throw new Error('base-point table reached infinity');
    base = next;
  }
  baseTables = tables;
  return tables;
}

/** Jacobian + affine ("mixed") addition: 8 multiplications and 3 squarings. */
function addAffine(a: JacobianPoint, b: AffinePoint): JacobianPoint {
  if (a.Z === 0n) return { X: b.x, Y: b.y, Z: 1n };
  const zz = mul(a.Z, a.Z);
  const h = sub(mul(b.x, zz), a.X);
  const r = sub(mul(b.y, mul(a.Z, zz)), a.Y);
  if (h === 0n) return r === 0n ? double(a) : INFINITY;
  const hh = mul(h, h);
  const hhh = mul(h, hh);
  const v = mul(a.X, hh);
  const X = sub(sub(mul(r, r), hhh), add(v, v));
  return { X, Y: sub(mul(r, sub(v, X)), mul(a.Y, hhh)), Z: mul(a.Z, h) };
}

/** Jacobian doubling for a curve with a = 0. */
function double(a: JacobianPoint): JacobianPoint {
  if (a.Z === 0n || a.Y === 0n) return INFINITY;
  const xx = mul(a.X, a.X);
  const yy = mul(a.Y, a.Y);
  const yyyy = mul(yy, yy);
  const s = mul(2n, sub(sub(mul(add(a.X, yy), add(a.X, yy)), xx), yyyy));
  const m = mul(3n, xx);
  const X = sub(mul(m, m), add(s, s));
  return { X, Y: sub(mul(m, sub(s, X)), mul(8n, yyyy)), Z: mul(2n, mul(a.Y, a.Z)) };
}

function toAffine(a: JacobianPoint): AffinePoint | undefined {
  if (a.Z === 0n) return undefined;
  const zInverse = invertFieldElement(a.Z);
  const zzInverse = mul(zInverse, zInverse);
  return { x: mul(a.X, zzInverse), y: mul(a.Y, mul(zzInverse, zInverse)) };
}

/** Montgomery's trick: one inversion for the whole batch instead of one per point. */
function toAffineBatch(points: readonly JacobianPoint[]): AffinePoint[] {
  const products: bigint[] = [];
  let product = 1n;
  for (const point of points) {
    if (point.Z === 0n) throw new Error('base-point table reached infinity');
    product = mul(product, point.Z);
    products.push(product);
  }
  let inverse = invertFieldElement(product);
  const affine: AffinePoint[] = new Array(points.length);
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const point = points[i] as JacobianPoint;
    const zInverse = i === 0 ? inverse : mul(inverse, products[i - 1] as bigint);
    inverse = mul(inverse, point.Z);
    const zzInverse = mul(zInverse, zInverse);
    affine[i] = { x: mul(point.X, zzInverse), y: mul(point.Y, mul(zzInverse, zInverse)) };
  }
  return affine;
}

function mul(a: bigint, b: bigint): bigint {
  let x = a * b;
  x = (x & MASK_256) + (x >> 256n) * FOLD;
  x = (x & MASK_256) + (x >> 256n) * FOLD;
  // Now x < 2^256 + 2^67 < 2p.
  return x >= P ? x - P : x;
}

function add(a: bigint, b: bigint): bigint {
  const x = a + b;
  return x >= P ? x - P : x;
}

function sub(a: bigint, b: bigint): bigint {
  const x = a - b;
  return x < 0n ? x + P : x;
}
