// Guards against deriving deposit addresses the merchant's wallet cannot spend from (wrong path, curve math or checksum).
import { secp256k1 } from '@noble/curves/secp256k1';
import { hmac } from '@noble/hashes/hmac';
import { sha512 } from '@noble/hashes/sha2';
import { toHex } from 'viem';
import { HDKey, mnemonicToAccount, privateKeyToAccount, publicKeyToAddress } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { deriveDepositAddress } from './deriveDepositAddress.ts';
import { DEV_XPUB } from './prepareDevChain.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

const Point = secp256k1.ProjectivePoint;
const OTHER_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const accountKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey();
const XPUB = accountKey.publicExtendedKey;

// BIP-32 test vector 2's master (depth 0), from bitcoin/bips bip-0032.mediawiki.
const VECTOR_2_MASTER_XPUB =
  'xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB';

/** The full derivation, as before the cache: viem's HDKey from the xpub, two child steps, viem's address. */
function createReference(xpub: string): (index: number) => string {
  const external = HDKey.fromExtendedKey(xpub).deriveChild(0);
  return (index) => {
    const { publicKey } = external.deriveChild(index);
    if (publicKey === null) throw new Error('no public key');
    return publicKeyToAddress(`0x${Point.fromHex(publicKey).toHex(false)}`);
  };
}

/**
 * BIP-32's CKDpub written out on noble alone (its HMAC, its constant-time multiplication), with the
 * external chain from viem's HDKey: shares no arithmetic with Kassa's path and runs twice as fast as
 * HDKey, which decompresses two keys per index.
 */
function createNobleReference(xpub: string): (index: number) => string {
  const { publicKey, chainCode } = HDKey.fromExtendedKey(xpub).deriveChild(0);
  if (publicKey === null || chainCode === null) throw new Error('no public key');
  const parent = Point.fromHex(publicKey);
  const data = new Uint8Array(37);
  data.set(publicKey);
  return (index) => {
    new DataView(data.buffer).setUint32(33, index);
    const tweak = BigInt(`0x${Buffer.from(hmac(sha512, chainCode, data).subarray(0, 32)).toString('hex')}`);
    return publicKeyToAddress(`0x${parent.add(Point.BASE.multiply(tweak)).toHex(false)}`);
  };
}

/** Indexes spread over the whole non-hardened range (a fixed stride, ending at 2^31 − 1). */
function spreadIndexes(count: number): number[] {
  const stride = Math.floor((2 ** 31 - 1) / (count - 1));
  return Array.from({ length: count }, (_, k) => 2 ** 31 - 1 - k * stride);
}

/** The wallet's view: the private key at m/44'/60'/0'/0/i, turned into an address by viem. */
function getWalletAddress(key: HDKey, index: number): string {
  const child = key.derive(`m/0/${index}`);
  if (child.privateKey === null) throw new Error('no private key');
  return privateKeyToAccount(toHex(child.privateKey)).address;
}

describe('deriveDepositAddress', () => {
  it("matches the wallet's own accounts at m/44'/60'/0'/0/i", () => {
    const wallet = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'/0/5" });
    expect(deriveDepositAddress(XPUB, 5)).toBe(wallet.address);
    for (const index of [0, 1, 2, 7, 19, 1000, 2 ** 31 - 1]) {
      expect(deriveDepositAddress(XPUB, index)).toBe(getWalletAddress(accountKey, index));
    }
  });

  it('matches published vectors independent of viem (anvil accounts 0..2)', () => {
    expect(deriveDepositAddress(XPUB, 0)).toBe(ANVIL_DEFAULT_ACCOUNT.address);
    expect(deriveDepositAddress(XPUB, 1)).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect(deriveDepositAddress(XPUB, 2)).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
  });

  it('works for another wallet, through keys of both y parities', () => {
    const key = mnemonicToAccount(OTHER_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey();
    const xpub = key.publicExtendedKey;
    const parities = new Set<number | undefined>();
    for (let index = 0; index < 16; index += 1) {
      parities.add(HDKey.fromExtendedKey(xpub).derive(`m/0/${index}`).publicKey?.[0]);
      expect(deriveDepositAddress(xpub, index)).toBe(getWalletAddress(key, index));
    }
    expect(parities).toEqual(new Set([2, 3]));
  });

  it('equals BIP-32 on noble for indexes 0..9,999 of one xpub (depth 3)', { timeout: 120_000 }, () => {
    const reference = createNobleReference(XPUB);
    for (let index = 0; index < 10_000; index += 1) {
      const address = deriveDepositAddress(XPUB, index);
      if (address !== reference(index)) expect.unreachable(`index ${index}: ${address} ≠ ${reference(index)}`);
    }
  });

  it('equals the full derivation for xpubs of depth 0, 3, 4 and 5, low and spread indexes', { timeout: 60_000 }, () => {
    const xpubs = [
      VECTOR_2_MASTER_XPUB,
      XPUB,
      mnemonicToAccount(OTHER_MNEMONIC, { path: "m/44'/60'/3'/1" }).getHdKey().publicExtendedKey,
      mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/1'/0/9" }).getHdKey().publicExtendedKey,
    ];
    expect(xpubs.map((xpub) => HDKey.fromExtendedKey(xpub).depth)).toEqual([0, 3, 4, 5]);
    for (const xpub of xpubs) {
      const reference = createReference(xpub);
      for (const index of [...Array.from({ length: 200 }, (_, i) => i), ...spreadIndexes(100)]) {
        expect(deriveDepositAddress(xpub, index)).toBe(reference(index));
      }
    }
  });

  it("keeps the sandbox's addresses: anvil's mnemonic at m/44'/60'/2'/0/i", () => {
    for (const index of [0, 1, 2, 499]) {
      const wallet = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: `m/44'/60'/2'/0/${index}` });
      expect(deriveDepositAddress(DEV_XPUB, index)).toBe(wallet.address);
    }
  });

  it('stays right for every xpub when more xpubs are used than it keeps', () => {
    const xpubs = Array.from(
      { length: 20 },
      (_, account) => mnemonicToAccount(OTHER_MNEMONIC, { path: `m/44'/60'/${account}'` }).getHdKey().publicExtendedKey,
    );
    const first = xpubs.map((xpub) => deriveDepositAddress(xpub, 3));
    expect(new Set(first).size).toBe(20);
    // Walk back: the earliest keys were evicted and are derived again.
    for (let k = xpubs.length - 1; k >= 0; k -= 1) expect(deriveDepositAddress(xpubs[k] ?? '', 3)).toBe(first[k]);
    expect(first[0]).toBe(createReference(xpubs[0] ?? '')(3));
  });

  it('refuses hardened, negative and fractional indexes', () => {
    for (const index of [2 ** 31, -1, 1.5, Number.NaN]) {
      expect(() => deriveDepositAddress(XPUB, index)).toThrow(RangeError);
    }
  });

  it('refuses an xprv', () => {
    expect(() => deriveDepositAddress(accountKey.privateExtendedKey, 0)).toThrow(/PRIVATE/);
  });

  it('refuses a mistyped xpub with the parser’s TypeError, every time', () => {
    const typo = `${XPUB.slice(0, -1)}${XPUB.endsWith('x') ? 'y' : 'x'}`;
    expect(() => deriveDepositAddress(typo, 0)).toThrow(TypeError);
    expect(() => deriveDepositAddress(typo, 0)).toThrow(/checksum/);
  });
});
