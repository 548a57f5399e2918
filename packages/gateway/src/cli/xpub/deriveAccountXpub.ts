import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from 'viem/accounts';
import { deriveDepositAddress } from '../../adapters/chains/evm/deriveDepositAddress.ts';
import { normalizeMnemonic } from '../../adapters/crypto/normalizeMnemonic.ts';
import type { NetworkKind } from '../../core/network.ts';

export type AccountXpub = {
  /** `m/44'/<coin type>'/<account>'`. */
  readonly path: string;
  readonly xpub: string;
  /** Deposit address 0 (`<path>/0/0`) in the kind's form: what the wallet shows for that account. */
  readonly firstAddress: string;
};

/**
 * The account-level xpub a network of `kind` derives deposit addresses from, from a BIP-39 mnemonic:
 * the key at `m/44'/<coin type>'/<account>'` (TRON 195, EVM 60), as TronLink, Trust and MetaMask
 * derive their accounts, with its first deposit address so the operator can check it against the
 * wallet before configuring it.
 */
export function deriveAccountXpub(mnemonic: string, kind: NetworkKind, account: number): AccountXpub {
  const path = `m/44'/${kind.coinType}'/${account}'`;
  const xpub = HDKey.fromMasterSeed(mnemonicToSeedSync(normalizeMnemonic(mnemonic))).derive(path).publicExtendedKey;
  return { path, xpub, firstAddress: kind.formatAddress(deriveDepositAddress(xpub, 0).toLowerCase()) };
}
