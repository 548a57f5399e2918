import { type LocalAccount, privateKeyToAccount } from 'viem/accounts';
import { readSweepGasKey, SWEEP_GAS_KEY_VARIABLE } from '../../config/readSweepGasKey.ts';
import { UsageError } from '../parseCommandArgs.ts';

/** The gas wallet from `--gas-key-file` or `KASSA_SWEEP_GAS_KEY`, or null when neither is given. */
export function loadGasWallet(file: string | undefined): LocalAccount | null {
  const key = readSweepGasKey(file === undefined ? {} : { file });
  return key === null ? null : privateKeyToAccount(key);
}

/** Like {@link loadGasWallet}, but the key is required. */
export function requireGasWallet(file: string | undefined): LocalAccount {
  const wallet = loadGasWallet(file);
  if (wallet === null)
    throw new UsageError(`the gas wallet's key is needed: set ${SWEEP_GAS_KEY_VARIABLE} or pass --gas-key-file FILE`);
  return wallet;
}
