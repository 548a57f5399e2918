import { mnemonicToSeedSync } from '@scure/bip39';
import { type Address, bytesToHex, type Hex } from 'viem';
import { HDKey, privateKeyToAddress } from 'viem/accounts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { normalizeMnemonic } from '../../../crypto/normalizeMnemonic.ts';

/** A deposit address's key: kept in memory for signing, never written or printed. */
export type DepositKey = { readonly address: Address; readonly privateKey: Hex };

export type DeriveSweepAccountReturnType = {
  /** The `a` of `m/44'/60'/a'` the xpub was found at; null when the secret was the account xprv itself. */
  readonly accountIndex: number | null;
  /** The key of deposit address `xpub/0/<index>`. */
  readonly depositKey: (index: number) => DepositKey;
};

/** Accounts tried when none is named: wallets number them from 0, and few merchants use 20. */
const ACCOUNTS_TRIED = 20;

/**
 * Finds the private side of a plan's xpub in the operator's secret: a BIP-39 mnemonic (English,
 * no passphrase; spacing and case are forgiven), searched at `m/44'/60'/a'` for `a` =
 * `accountIndex` or 0…19; or the account-level xprv itself. Refuses a secret that does not hold
 * the xpub. No message names a word or a key: only positions and what to do.
 *
 * @example
 * const { depositKey } = deriveSweepAccount(secret, plan.xpub);
 * depositKey(7).address; // xpub/0/7
 */
export function deriveSweepAccount(secret: string, xpub: string, accountIndex?: number): DeriveSweepAccountReturnType {
  const target = HDKey.fromExtendedKey(xpub);
  const found = /^[xt]prv/.test(secret.trim())
    ? findInExtendedKey(secret.trim(), target)
    : findInMnemonic(normalizeMnemonic(secret), target, accountIndex);
  if (found === undefined) {
    throw new SweepError(
      accountIndex === undefined
        ? `the seed does not hold the plan's xpub (tried accounts m/44'/60'/0' to m/44'/60'/${ACCOUNTS_TRIED - 1}')`
        : `the seed does not hold the plan's xpub at account m/44'/60'/${accountIndex}'`,
    );
  }
  const external = found.key.deriveChild(0);
  return {
    accountIndex: found.accountIndex,
    depositKey: (index) => {
      const key = external.deriveChild(index).privateKey;
      // Never null: `external` is a private node. Checked for the type, and in case of a bad index.
      if (key === null) throw new SweepError(`cannot derive the key of deposit address ${index}`);
      const privateKey = bytesToHex(key);
      return { address: privateKeyToAddress(privateKey), privateKey };
    },
  };
}

type Found = { readonly key: HDKey; readonly accountIndex: number | null };

function findInMnemonic(mnemonic: string, target: HDKey, accountIndex: number | undefined): Found | undefined {
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  const candidates = accountIndex === undefined ? [...Array(ACCOUNTS_TRIED).keys()] : [accountIndex];
  for (const a of candidates) {
    const key = root.derive(`m/44'/60'/${a}'`);
    if (holds(key, target)) return { key, accountIndex: a };
  }
  return undefined;
}

function findInExtendedKey(xprv: string, target: HDKey): Found | undefined {
  let key: HDKey;
  try {
    key = HDKey.fromExtendedKey(xprv);
  } catch (error) {
    // No cause and no detail: the library's message is about the key's bytes.
    if (error instanceof Error)
      throw new SweepError('the seed looks like an xprv but is not a valid one (mistyped or truncated?)');
    throw error;
  }
  if (key.privateKey === null) throw new SweepError('the seed xprv holds no private key');
  return holds(key, target) ? { key, accountIndex: null } : undefined;
}

/** Same public key and chain code: the node the xpub was exported from (depth and parent aside). */
function holds(key: HDKey, target: HDKey): boolean {
  return sameBytes(key.publicKey, target.publicKey) && sameBytes(key.chainCode, target.chainCode);
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);
}
