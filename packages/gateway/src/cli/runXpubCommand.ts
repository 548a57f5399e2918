import { NETWORK_KINDS } from '../adapters/chains/networkKinds.ts';
import { parseCommandArgs, UsageError } from './parseCommandArgs.ts';
import { readSeedSecret } from './sweep/readSeedSecret.ts';
import { deriveAccountXpub } from './xpub/deriveAccountXpub.ts';

const MAX_ACCOUNT = 2 ** 31 - 1;

/**
 * `kassa xpub --kind tron|evm [--account N] [--seed-file F | --seed-fd N] [--json]`: prints the
 * account xpub to configure a network with, from the wallet's seed phrase, offline (nothing is read
 * from the network or the database). A TRON network needs its own (`m/44'/195'/…`), and few TRON
 * wallets export one, so this is the easy way to get it. The seed is read like `kassa sweep sign`
 * reads it and never printed.
 */
export async function runXpubCommand(args: readonly string[], stdout = process.stdout): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    kind: { type: 'string' },
    account: { type: 'string', default: '0' },
    'seed-file': { type: 'string' },
    'seed-fd': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`xpub takes no arguments, got '${positionals[0]}'`);
  const kindName = values.kind;
  if (kindName !== 'tron' && kindName !== 'evm') throw new UsageError('xpub needs --kind tron or --kind evm');
  if (!/^\d{1,10}$/.test(values.account) || Number(values.account) > MAX_ACCOUNT) {
    throw new UsageError(`--account must be a whole number 0–${MAX_ACCOUNT}, got '${values.account}'`);
  }
  const fd = values['seed-fd'];
  if (fd !== undefined && !/^\d{1,4}$/.test(fd))
    throw new UsageError(`--seed-fd must be a descriptor number, got '${fd}'`);
  const secret = await readSeedSecret({
    ...(values['seed-file'] === undefined ? {} : { file: values['seed-file'] }),
    ...(fd === undefined ? {} : { fd: Number(fd) }),
  });
  const kind = NETWORK_KINDS[kindName];
  const account = deriveAccountXpub(secret, kind, Number(values.account));
  if (values.json) {
    stdout.write(
      `${JSON.stringify({ kind: kind.name, path: account.path, xpub: account.xpub, first_address: account.firstAddress })}\n`,
    );
    return 0;
  }
  const key = kind.name === 'tron' ? 'TRON' : '<KEY>';
  stdout.write(
    [
      `account ${account.path}`,
      `xpub: ${account.xpub}`,
      `first deposit address (${account.path}/0/0): ${account.firstAddress}`,
      `check that your wallet shows this address for the account, then configure:`,
      `  "networks": { "${key}": { "xpub": "${account.xpub}" } }`,
      '',
    ].join('\n'),
  );
  return 0;
}
