import { type Address, type Hex, toHex } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

/** The account the sandbox wallet, `npm run demo` and the end-to-end tests pay from. */
export type DevTestAccount = { readonly address: Address; readonly privateKey: Hex };

/**
 * The devnet payer: `m/44'/60'/1'/0/0` of anvil's public dev mnemonic. Not one of anvil's
 * pre-funded accounts (`m/44'/60'/0'/0/i`), which every devnet tool sends from, and not on a
 * deposit xpub, so a payment from it never lands on a deposit address.
 */
export function getDevTestAccount(): DevTestAccount {
  const key = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 1 }).getHdKey().privateKey;
  // A BIP-32 node derived from a mnemonic always has its private key; null would be a viem bug.
  if (key === null) throw new Error('the dev mnemonic yields no private key');
  const privateKey = toHex(key);
  return { address: privateKeyToAccount(privateKey).address, privateKey };
}
