import { secp256k1 } from '@noble/curves/secp256k1';
import { decodeBase58Check } from '../../crypto/decodeBase58Check.ts';

export type ParseXpubFailure =
  | 'not_base58'
  | 'bad_checksum'
  | 'bad_length'
  | 'private_key'
  | 'unsupported_version'
  | 'invalid_key';

/** The public key (compressed, on the curve) and chain code an xpub carries. */
export type XpubKey = { readonly publicKey: Uint8Array; readonly chainCode: Uint8Array };

export type ParseXpubResult =
  | { readonly ok: true; readonly value: { readonly xpub: string; readonly key: XpubKey; readonly depth: number } }
  | { readonly ok: false; readonly reason: ParseXpubFailure; readonly message: string };

// BIP-32 serialisation: version(4) depth(1) fingerprint(4) index(4) chain code(32) key(33).
const SERIALIZED_LENGTH = 78;
const XPUB_VERSION = 0x0488b21e;
const FAILURE_MESSAGES: Record<ParseXpubFailure, string> = {
  not_base58: 'must be a base58 extended public key (xpub…) with no spaces',
  bad_checksum: 'checksum does not match: the key was mistyped or truncated',
  bad_length: 'is not a BIP-32 extended key (wrong length)',
  private_key: 'is an extended PRIVATE key: give the xpub, never the xprv (Kassa holds no private keys)',
  unsupported_version: 'must be a mainnet xpub (version 0488b21e)',
  invalid_key: 'holds no valid public key (point off the curve, or depth and index disagree)',
};

/**
 * Validates an extended public key for deposit-address derivation. Refuses extended private keys
 * outright: the gateway must never hold one. Any depth is accepted (wallets export different
 * levels; the operator's account-level xpub is usually depth 3, `m/44'/60'/0'`).
 */
export function parseXpub(text: string): ParseXpubResult {
  // An xpub is 111 characters; the bound keeps base58 decoding (quadratic) cheap on junk input.
  if (text.length === 0 || text.length > 200) return fail('not_base58');
  const decoded = decodeBase58Check(text);
  if (!decoded.ok) return fail(decoded.reason);
  const payload = Buffer.from(decoded.value);
  if (payload.length !== SERIALIZED_LENGTH) return fail('bad_length');
  // Checked before the version so xprv, tprv, yprv, zprv... are all named for what they are.
  if (payload[45] === 0) return fail('private_key');
  if (payload.readUInt32BE(0) !== XPUB_VERSION) return fail('unsupported_version');
  const depth = payload[4] ?? 0;
  // BIP-32: a master key (depth 0) has no parent, so neither a parent fingerprint nor an index.
  if (depth === 0 && (payload.readUInt32BE(5) !== 0 || payload.readUInt32BE(9) !== 0)) return fail('invalid_key');
  const publicKey = new Uint8Array(payload.subarray(45, 78));
  if (!isOnCurve(publicKey)) return fail('invalid_key');
  return {
    ok: true,
    value: { xpub: text, key: { publicKey, chainCode: new Uint8Array(payload.subarray(13, 45)) }, depth },
  };
}

/**
 * Whether a compressed public key decodes to a point of secp256k1. Checked with @noble/curves, not
 * viem's HDKey: config loading (every `kassa` command) would otherwise load viem's account modules.
 */
function isOnCurve(publicKey: Uint8Array): boolean {
  try {
    secp256k1.ProjectivePoint.fromHex(publicKey);
    return true;
  } catch (error) {
    // fromHex throws for a point off the curve or a bad prefix: both mean no valid key.
    if (error instanceof Error) return false;
    throw error;
  }
}

function fail(reason: ParseXpubFailure): ParseXpubResult {
  return { ok: false, reason, message: `xpub ${FAILURE_MESSAGES[reason]}` };
}
