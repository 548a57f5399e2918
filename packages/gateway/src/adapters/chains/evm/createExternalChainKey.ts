import { secp256k1 } from '@noble/curves/secp256k1';
import { derivePublicChild, type PublicNode } from './derivePublicChild.ts';
import { parseXpub } from './parseXpub.ts';

/**
 * Parses `xpub` and derives its external chain, `xpub/0` (BIP-44's receiving addresses), so each
 * deposit address then takes one child step. Throws the parser's TypeError on a bad xpub.
 */
export function createExternalChainKey(xpub: string): PublicNode {
  const parsed = parseXpub(xpub);
  if (!parsed.ok) throw new TypeError(parsed.message);
  const { publicKey, chainCode } = parsed.value.key;
  if (publicKey === null || chainCode === null) throw new TypeError('xpub holds no public key');
  // Decompressed once here, so no address needs a square root.
  const { x, y } = secp256k1.ProjectivePoint.fromHex(publicKey).toAffine();
  const external = derivePublicChild({ point: { x, y }, chainCode }, 0);
  if (external === undefined) throw new Error('xpub/0 is invalid under BIP-32: this xpub has no external chain');
  return external;
}
