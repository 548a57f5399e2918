// Risk: signing with keys of other addresses than the plan's (wrong account or chain of the
// derivation path), or accepting a seed that does not hold the plan's xpub.
import { mnemonicToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { deriveDepositAddress } from '../deriveDepositAddress.ts';
import { DEV_XPUB } from '../prepareDevChain.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import { deriveSweepAccount } from './deriveSweepAccount.ts';

describe('deriveSweepAccount', () => {
  it('finds the sandbox xpub at account 2 of the phrase and derives its deposit addresses', () => {
    const { accountIndex, depositKey } = deriveSweepAccount(ANVIL_DEFAULT_MNEMONIC, DEV_XPUB);
    expect(accountIndex).toBe(2);
    for (const index of [0, 1, 7, 2 ** 31 - 1]) {
      const key = depositKey(index);
      expect(key.address).toBe(deriveDepositAddress(DEV_XPUB, index));
      const wallet = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: `m/44'/60'/2'/0/${index}` });
      expect(key.privateKey).toBe(`0x${Buffer.from(wallet.getHdKey().privateKey ?? []).toString('hex')}`);
    }
  });

  it('takes the account xprv as the secret', () => {
    const xprv = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/2'" }).getHdKey().privateExtendedKey;
    const { accountIndex, depositKey } = deriveSweepAccount(xprv, DEV_XPUB);
    expect(accountIndex).toBeNull();
    expect(depositKey(3).address).toBe(deriveDepositAddress(DEV_XPUB, 3));
  });

  it('looks only at the named account when one is given', () => {
    expect(deriveSweepAccount(ANVIL_DEFAULT_MNEMONIC, DEV_XPUB, 2).accountIndex).toBe(2);
    expect(() => deriveSweepAccount(ANVIL_DEFAULT_MNEMONIC, DEV_XPUB, 0)).toThrow(
      "the seed does not hold the plan's xpub at account m/44'/60'/0'",
    );
    const farAccount = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/25'" }).getHdKey();
    expect(() => deriveSweepAccount(ANVIL_DEFAULT_MNEMONIC, farAccount.publicExtendedKey)).toThrow(/tried accounts/);
    expect(deriveSweepAccount(ANVIL_DEFAULT_MNEMONIC, farAccount.publicExtendedKey, 25).accountIndex).toBe(25);
  });
});
