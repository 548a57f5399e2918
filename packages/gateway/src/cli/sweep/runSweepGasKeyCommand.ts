import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { parseCommandArgs, UsageError } from '../parseCommandArgs.ts';
import { writeNewFile } from './writeNewFile.ts';

/**
 * `kassa sweep gas-key --out FILE`: a new random key for the gas wallet, written to a file only its
 * owner can read, and its address printed for funding. The key is never printed: `send` and
 * `deploy` read it back with `--gas-key-file` (or `KASSA_SWEEP_GAS_KEY`). A gas wallet is a hot key
 * by design, so keep little in it: `kassa sweep plan` says how much a sweep needs.
 */
export async function runSweepGasKeyCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`sweep gas-key: unexpected argument '${positionals[0]}'`);
  if (values.out === undefined) throw new UsageError('sweep gas-key needs --out FILE');
  const privateKey = generatePrivateKey();
  // 'wx': an existing key file (perhaps a funded wallet's) is never replaced.
  writeNewFile(values.out, `${privateKey}\n`, false);
  process.stdout.write(`gas wallet ${privateKeyToAccount(privateKey).address}; key written to ${values.out}\n`);
  return 0;
}
