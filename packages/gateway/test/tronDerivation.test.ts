// Risk: a TRON deposit address the merchant's wallet cannot spend from (wrong path, key or address encoding).

import { createHash } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
import { keccak_256 } from '@noble/hashes/sha3';
import { mnemonicToSeedSync } from '@scure/bip39';
// viem re-exports @scure/bip32's HDKey (the same class, the same pinned 1.7.0), so no further dependency.
import { HDKey } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { deriveDepositAddress } from '../src/adapters/chains/evm/deriveDepositAddress.ts';
import { parseXpub } from '../src/adapters/chains/evm/parseXpub.ts';
import { formatTronAddress } from '../src/adapters/chains/tron/formatTronAddress.ts';

// TRON's BIP-44 coin type is 195 (SLIP-44); wallets derive addresses at m/44'/195'/0'/0/i.
const TRON_ACCOUNT_PATH = "m/44'/195'/0'";
const ABANDON_MNEMONIC =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

/** Published mnemonic → TRON address at m/44'/195'/0'/0/0 vectors, each with where it is published. */
const PUBLISHED_WALLETS = [
  // Trust Wallet wallet-core, swift/Tests/HDWalletTests.swift, testDeriveTron (HDWallet.test, passphrase TREZOR).
  {
    mnemonic: 'ripple scissors kick mammal hire column oak again sun offer wealth tomorrow wagon turn fatal',
    passphrase: 'TREZOR',
    address: 'THJrqfbBhoB1vX97da6S6nXWkafCxpyCNB',
  },
  // Trust Wallet wallet-core, android/.../blockchains/CoinAddressDerivationTests.kt and
  // kotlin/wallet-core-kotlin/src/commonTest/.../CoinAddressDerivationTests.kt (TRON case).
  {
    mnemonic: 'shoot island position soft burden budget tooth cruel issue economy destroy above',
    passphrase: '',
    address: 'TQ5NMqJjhpQGK7YJbESKtNCo86PJ89ujio',
  },
] as const;

// hyperlane-xyz/hyperlane-monorepo, typescript/tron-sdk/src/testing/constants.ts (at commit 72ff6f13):
// the private key of "abandon … about" at m/44'/195'/0'/0/0, account 0 of a tronbox/tre local node.
const ABANDON_PRIVATE_KEY_0 = 'b5a4cea271ff424d7c31dc12a3e43e401df7a40d7412a15750f3f0b6b5449a28';
// Trust Wallet wallet-core, tests/chains/Tron/AddressTests.cpp, TronAddress.FromPublicKey: private key → address.
const PUBLISHED_KEYS = [
  ['2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54', 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC'],
  ['BE88DF1D0BF30A923CB39C3BB953178BAAF3726E8D3CE81E7C8462E046E0D835', 'THRF3GuPnvvPzKoaT8pJex5XHmo8NNbCb3'],
] as const;

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * What a TRON wallet does with a private key, written out apart from Kassa's code: uncompressed
 * public key, keccak-256 of its 64 coordinate bytes, the last 20 bytes after 0x41, Base58Check
 * (the 0x41 in front means no leading zero bytes to write as '1').
 */
function getWalletAddress(privateKey: Uint8Array): string {
  const publicKey = secp256k1.getPublicKey(privateKey, false).subarray(1);
  const payload = Buffer.concat([Buffer.from([0x41]), keccak_256(publicKey).subarray(12)]);
  const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();
  const bytes = Buffer.concat([payload, sha256(sha256(payload)).subarray(0, 4)]);
  let text = '';
  for (let value = BigInt(`0x${bytes.toString('hex')}`); value > 0n; value /= 58n) {
    text = BASE58.charAt(Number(value % 58n)) + text;
  }
  return text;
}

function getAccountKey(mnemonic: string, passphrase = ''): HDKey {
  return HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic, passphrase)).derive(TRON_ACCOUNT_PATH);
}

/** Kassa's public path: the account xpub, deriveDepositAddress, then the T… form of its 20 bytes. */
function getKassaAddress(xpub: string, index: number): string {
  return formatTronAddress(deriveDepositAddress(xpub, index));
}

function getPrivateKey(key: HDKey, path: string): Uint8Array {
  const { privateKey } = key.derive(path);
  if (privateKey === null) throw new Error('no private key');
  return privateKey;
}

describe("TRON deposit addresses from an account xpub at m/44'/195'/0'", () => {
  it('writes addresses as TRON wallets do (published private key → address pairs)', () => {
    for (const [privateKey, address] of PUBLISHED_KEYS) {
      expect(getWalletAddress(Buffer.from(privateKey, 'hex'))).toBe(address);
    }
  });

  it.each(PUBLISHED_WALLETS)('gives $address at index 0 for "$mnemonic"', ({ mnemonic, passphrase, address }) => {
    const key = getAccountKey(mnemonic, passphrase);
    expect(getKassaAddress(key.publicExtendedKey, 0)).toBe(address);
    expect(getWalletAddress(getPrivateKey(key, 'm/0/0'))).toBe(address);
  });

  it("matches the wallet’s private derivation at m/44'/195'/0'/0/i for i = 0..4", () => {
    for (const [mnemonic, passphrase] of [
      [ABANDON_MNEMONIC, ''],
      ...PUBLISHED_WALLETS.map((wallet) => [wallet.mnemonic, wallet.passphrase] as const),
    ] as const) {
      const key = getAccountKey(mnemonic, passphrase);
      const kassa = Array.from({ length: 5 }, (_, index) => getKassaAddress(key.publicExtendedKey, index));
      const wallet = Array.from({ length: 5 }, (_, index) => getWalletAddress(getPrivateKey(key, `m/0/${index}`)));
      expect(kassa).toEqual(wallet);
      expect(new Set(kassa).size).toBe(5);
    }
  });

  it('reaches the published key of "abandon … about" at index 0, and its address', () => {
    const key = getAccountKey(ABANDON_MNEMONIC);
    const privateKey = getPrivateKey(key, 'm/0/0');
    expect(Buffer.from(privateKey).toString('hex')).toBe(ABANDON_PRIVATE_KEY_0);
    expect(getKassaAddress(key.publicExtendedKey, 0)).toBe(getWalletAddress(Buffer.from(ABANDON_PRIVATE_KEY_0, 'hex')));
    // The address that key gives, written out here as well so a change in both derivations shows.
    expect(getKassaAddress(key.publicExtendedKey, 0)).toBe('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH');
  });

  it('refuses the account xprv: Kassa holds no private keys', () => {
    const xprv = getAccountKey(ABANDON_MNEMONIC).privateExtendedKey;
    expect(xprv.startsWith('xprv')).toBe(true);
    expect(parseXpub(xprv)).toMatchObject({ ok: false, reason: 'private_key' });
    expect(() => deriveDepositAddress(xprv, 0)).toThrow(/PRIVATE/);
  });
});
