// Risk: a sweep step that runs on a mistaken command line (no network, a typo'd strategy, no destination)
// or a plan signed on its own word, without the signer's own idea of where the funds must go.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildExampleSweepPlan,
  EXAMPLE_SWEEP_DESTINATION,
  EXAMPLE_SWEEP_TOKEN,
} from '../../../test/support/buildExampleSweepPlan.ts';
import { DEV_XPUB } from '../../adapters/chains/evm/prepareDevChain.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../adapters/chains/evm/startAnvil.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { UsageError } from '../parseCommandArgs.ts';
import { runSweepCommand } from '../runSweepCommand.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kassa-sweep-cli-'));
const file = (name: string) => path.join(dir, name);
// An RPC nobody listens on: every refusal below must come before the chain is asked anything.
const DEV = (sweep: Record<string, unknown>) => ({
  chainId: 31337,
  confirmations: 1,
  blockTimeSeconds: 1,
  rpcUrls: ['http://127.0.0.1:9'],
  xpub: DEV_XPUB,
  tokens: [
    { symbol: 'USDT', contract: EXAMPLE_SWEEP_TOKEN, decimals: 6 },
    { symbol: 'ETH', native: true },
  ],
  ...sweep,
});

function writeConfig(name: string, sweep: Record<string, unknown>): string {
  const dataDir = file(`${name}-data`);
  writeFileSync(file(name), JSON.stringify({ dataDir, networks: { DEV: DEV(sweep) } }));
  return file(name);
}

async function failure(args: string[]): Promise<Error> {
  try {
    await runSweepCommand(args);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`kassa sweep ${args.join(' ')} succeeded`);
}

writeFileSync(file('plan.json'), JSON.stringify(buildExampleSweepPlan('topup')));
writeFileSync(file('seed.txt'), `${ANVIL_DEFAULT_MNEMONIC}\n`, { mode: 0o600 });
const withSweepTo = writeConfig('with-sweep-to.json', { sweepTo: EXAMPLE_SWEEP_DESTINATION });

describe('kassa sweep: usage', () => {
  it('refuses an unknown subcommand, naming the known ones', async () => {
    const error = await failure(['collect']);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('plan, sign, send, deploy');
  });

  it('plan needs --network, and names the offered networks', async () => {
    const error = await failure(['plan', '--out', file('p1.json'), '--config', withSweepTo]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('sweep needs --network KEY (offered: DEV)');
    const unknown = await failure(['plan', '--network', 'BSC', '--out', file('p1.json'), '--config', withSweepTo]);
    expect(unknown.message).toContain('--network BSC is not an offered network');
  });

  it('plan refuses an unknown strategy and an unknown option', async () => {
    const args = ['plan', '--network', 'DEV', '--out', file('p2.json'), '--config', withSweepTo];
    const error = await failure([...args, '--strategy', 'fast']);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain("--strategy must be auto, eip7702 or topup, got 'fast'");
    expect(await failure([...args, '--strateg', 'auto'])).toBeInstanceOf(UsageError);
  });

  it('plan without a configured destination names the setting to add', async () => {
    const config = writeConfig('no-sweep-to.json', {});
    const error = await failure(['plan', '--network', 'DEV', '--out', file('p3.json'), '--config', config]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('set networks.DEV.sweepTo (or networks.sweepTo)');
  });

  it('plan needs a gas wallet, and never overwrites an existing plan file', async () => {
    const args = ['plan', '--network', 'DEV', '--config', withSweepTo];
    const noGas = await failure([...args, '--out', file('p4.json')]);
    expect(noGas.message).toContain('--gas-wallet ADDR');
    const exists = await failure([...args, '--out', file('plan.json'), '--gas-wallet', EXAMPLE_SWEEP_DESTINATION]);
    expect(exists.message).toContain('exists; pass --force');
  });
});

describe('kassa sweep sign', () => {
  const sign = ['sign', '--plan', file('plan.json'), '--seed-file', file('seed.txt')];

  it('refuses to sign without expectations, or with two sources of them', async () => {
    const error = await failure([...sign, '--out', file('s1.json')]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('--config FILE');
    expect(error.message).toContain('--to ADDR --chain-id N');
    const both = await failure([
      ...sign,
      '--out',
      file('s1.json'),
      '--config',
      withSweepTo,
      '--to',
      EXAMPLE_SWEEP_DESTINATION,
    ]);
    expect(both.message).toContain('not both');
    expect(existsSync(file('s1.json'))).toBe(false);
  });

  it('refuses a plan whose destination is not the one expected', async () => {
    const other = writeConfig('other.json', { sweepTo: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' });
    const error = await failure([...sign, '--out', file('s2.json'), '--config', other]);
    expect(error).toBeInstanceOf(SweepError);
    expect(error.message).toContain('not the configured sweepTo');
    expect(existsSync(file('s2.json'))).toBe(false);
  });

  it('signs offline against the config: no database, no data dir, no master key made', async () => {
    const signerConfig = writeConfig('signer.json', { sweepTo: EXAMPLE_SWEEP_DESTINATION });
    expect(await runSweepCommand([...sign, '--out', file('s3.json'), '--config', signerConfig])).toBe(0);
    const signed = JSON.parse(readFileSync(file('s3.json'), 'utf8')) as { format: string; transactions: unknown[] };
    expect(signed.format).toBe('kassa-sweep-signed');
    expect(signed.transactions).toHaveLength(2);
    expect(readFileSync(file('s3.json'), 'utf8')).not.toContain(ANVIL_DEFAULT_MNEMONIC.split(' ')[0]);
    expect(existsSync(file('signer.json-data'))).toBe(false);
  });

  it('signs against --to and --chain-id, and refuses a wrong chain id', async () => {
    const flags = ['--to', EXAMPLE_SWEEP_DESTINATION.toLowerCase(), '--chain-id'];
    expect(await runSweepCommand([...sign, '--out', file('s4.json'), ...flags, '31337'])).toBe(0);
    const error = await failure([...sign, '--out', file('s5.json'), ...flags, '1']);
    expect(error.message).toContain('chain id');
  });

  it('send refuses a plan for another chain or a network the config does not offer', async () => {
    const otherChain = writeConfig('other-chain.json', { sweepTo: EXAMPLE_SWEEP_DESTINATION, chainId: 31338 });
    const chainError = await failure(['send', '--signed', file('s3.json'), '--config', otherChain]);
    expect(chainError).toBeInstanceOf(SweepError);
    expect(chainError.message).toContain('the plan is for chain 31337');
    writeFileSync(file('no-dev.json'), JSON.stringify({ dataDir: file('no-dev-data') }));
    const missing = await failure(['send', '--signed', file('s3.json'), '--config', file('no-dev.json')]);
    expect(missing.message).toContain('the plan is for network DEV');
  });

  it('send refuses a gas key that is not the plan gas wallet, before touching the chain', async () => {
    writeFileSync(file('gas.key'), `0x${'ab'.repeat(32)}\n`);
    const error = await failure([
      'send',
      '--signed',
      file('s3.json'),
      '--config',
      withSweepTo,
      '--gas-key-file',
      file('gas.key'),
    ]);
    expect(error).toBeInstanceOf(SweepError);
    expect(error.message).toContain("the plan's gas wallet is");
    expect(error.message).not.toContain('ab'.repeat(32));
  });
});
