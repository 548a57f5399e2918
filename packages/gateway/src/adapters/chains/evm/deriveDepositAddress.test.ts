// Guards against deriving deposit addresses the merchant's wallet cannot spend from (wrong path, curve math or checksum).
import { toHex } from 'viem';
import { HDKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { deriveDepositAddress } from './deriveDepositAddress.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

const OTHER_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const accountKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey();
const XPUB = accountKey.publicExtendedKey;

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

  it('refuses hardened, negative and fractional indexes', () => {
    for (const index of [2 ** 31, -1, 1.5, Number.NaN]) {
      expect(() => deriveDepositAddress(XPUB, index)).toThrow(RangeError);
    }
  });

  it('refuses an xprv', () => {
    expect(() => deriveDepositAddress(accountKey.privateExtendedKey, 0)).toThrow(/PRIVATE/);
  });
});
