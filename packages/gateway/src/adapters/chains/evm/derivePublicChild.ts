import { createHmac } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { type AffinePoint, addBasePointMultiple } from './addBasePointMultiple.ts';

/** An extended public key (K, c): a point and its 32-byte chain code. */
export type PublicNode = { readonly point: AffinePoint; readonly chainCode: Uint8Array };

const CURVE_ORDER = secp256k1.CURVE.n;

/**
 * BIP-32 CKDpub for a non-hardened `index`: I = HMAC-SHA512(c, serP(K) ‖ ser32(index)), the child
 * is (K + I_L·G, I_R). Returns `undefined` where BIP-32 calls the child invalid: I_L ≥ n or the
 * point at infinity (less than 1 in 2^127 per index).
 */
export function derivePublicChild(parent: PublicNode, index: number): PublicNode | undefined {
  const data = Buffer.allocUnsafe(37);
  data[0] = (parent.point.y & 1n) === 1n ? 0x03 : 0x02;
  data.write(parent.point.x.toString(16).padStart(64, '0'), 1, 'hex');
  data.writeUInt32BE(index, 33);
  const digest = createHmac('sha512', parent.chainCode).update(data).digest();
  const tweak = BigInt(`0x${digest.toString('hex', 0, 32)}`);
  if (tweak >= CURVE_ORDER) return undefined;
  const point = addBasePointMultiple(parent.point, tweak);
  return point === undefined ? undefined : { point, chainCode: digest.subarray(32) };
}
