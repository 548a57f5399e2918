// Risk: a sweep split across machines pays a top-up twice after a crash, signs with network access or for a tampered plan, or leaks the seed (issue 13).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Address, createPublicClient, createTestClient, erc20Abi, http } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_XPUB } from '../src/adapters/chains/evm/prepareDevChain.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from '../src/adapters/chains/evm/startAnvil.ts';
import type { SweepPlan } from '../src/core/sweep/SweepPlan.ts';
import { type DevChain, startDevChain } from './fixtures/devChain.ts';
import { createPayer } from './support/createPayer.ts';
import { FAST_WATCHER_TUNING } from './support/fastWatcherTuning.ts';
import { type PaidTotals, payTwentyOrders } from './support/payTwentyOrders.ts';
import { type KassaProcessResult, runKassaProcess } from './support/runKassaProcess.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

const [sqlite] = testDatabases();
const destination = privateKeyToAccount(generatePrivateKey()).address;
let chain: DevChain;
let t: TestGateway;
let paid: PaidTotals;
const outputs: KassaProcessResult[] = [];
const file = (name: string) => path.join(t.config.dataDir, name);

/** Runs kassa, keeps what it printed for the secret check, and expects `code`. */
async function kassa(
  args: readonly string[],
  code: number | null,
  options: Parameters<typeof runKassaProcess>[1] = {},
) {
  const result = await runKassaProcess(args, options);
  outputs.push(result);
  expect(result.code, `kassa ${args.join(' ')}: ${result.stderr}`).toBe(code);
  return result;
}

beforeAll(async () => {
  chain = await startDevChain();
  const network = { ...chain.network, xpub: DEV_XPUB };
  t = await startTestGateway(sqlite ?? (undefined as never), {
    networks: [network],
    configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
  });
  const stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
  paid = await payTwentyOrders(t, network, createPayer(chain.rpcUrl, chain.testAccount.privateKey));
  await stopWorkers();
  const tokens = network.tokens.map(({ symbol, contract, decimals }) =>
    contract === null ? { symbol, native: true, decimals } : { symbol, contract, decimals },
  );
  const dev = {
    chainId: chain.chainId,
    rpcUrls: [chain.rpcUrl],
    confirmations: 1,
    blockTimeSeconds: 1,
    xpub: DEV_XPUB,
    tokens,
    sweepTo: destination,
  };
  writeFileSync(file('sweep.json'), JSON.stringify({ dataDir: t.config.dataDir, networks: { DEV: dev } }));
  writeFileSync(file('gas.key'), ANVIL_DEFAULT_ACCOUNT.privateKey, { mode: 0o600 });
  writeFileSync(file('seed.txt'), `${ANVIL_DEFAULT_MNEMONIC}\n`, { mode: 0o600 });
}, 120_000);
afterAll(async () => {
  await t?.stop();
  await chain?.stop();
});

describe('kassa sweep plan → sign (no network) → send (killed, run again)', { timeout: 120_000 }, () => {
  const config = () => ['--config', file('sweep.json')];
  const gasKey = () => ['--gas-key-file', file('gas.key')];
  const publicClient = () => createPublicClient({ transport: http(chain.rpcUrl) });

  it('plans on the server and refuses a tampered plan at sign', async () => {
    const planned = await kassa(
      [
        'sweep',
        'plan',
        '--network',
        'DEV',
        '--out',
        file('plan.json'),
        '--strategy',
        'topup',
        ...gasKey(),
        ...config(),
      ],
      0,
    );
    expect(planned.stdout).toContain(destination);
    const plan = JSON.parse(readFileSync(file('plan.json'), 'utf8')) as SweepPlan;
    expect(plan.addresses).toHaveLength(20);
    const expectations = ['--to', destination, '--chain-id', String(chain.chainId), '--seed-file', file('seed.txt')];
    const thief = privateKeyToAccount(generatePrivateKey()).address;
    for (const [name, tampered] of [
      ['destination', { ...plan, destination: thief }],
      ['chain', { ...plan, network: { ...plan.network, chainId: 1 } }],
      ['address', { ...plan, addresses: plan.addresses.map((a, i) => (i === 0 ? { ...a, index: a.index + 1 } : a)) }],
    ] as const) {
      writeFileSync(file(`tampered-${name}.json`), JSON.stringify(tampered));
      const sign = ['sweep', 'sign', '--plan', file(`tampered-${name}.json`), '--out', file(`bad-${name}.json`)];
      const refused = await kassa([...sign, ...expectations], 1, { withoutNetwork: true });
      expect(refused.stderr).toMatch(/^kassa: /);
      expect(existsSync(file(`bad-${name}.json`))).toBe(false);
    }
    // A gas price above what the signer accepts: 1 wei here, below any real plan's.
    const pricey = [
      'sweep',
      'sign',
      '--plan',
      file('plan.json'),
      '--out',
      file('bad-price.json'),
      '--max-gas-price',
      '0.000000001',
    ];
    const refused = await kassa([...pricey, ...expectations], 1, { withoutNetwork: true });
    expect(refused.stderr).toContain('is above the --max-gas-price of 1 wei');
  });

  it('signs in a process without network, sends once despite a kill mid-way, and sweeps everything', async () => {
    const sign = [
      'sweep',
      'sign',
      '--plan',
      file('plan.json'),
      '--out',
      file('signed.json'),
      '--seed-file',
      file('seed.txt'),
    ];
    await kassa([...sign, '--to', destination, '--chain-id', String(chain.chainId)], 0, { withoutNetwork: true });
    const plan = JSON.parse(readFileSync(file('plan.json'), 'utf8')) as SweepPlan;
    const topUps = plan.addresses.filter((a) => a.topUp !== '0').length;
    expect(topUps).toBeGreaterThan(2);
    const gasWallet = ANVIL_DEFAULT_ACCOUNT.address;
    const noncesBefore = await publicClient().getTransactionCount({ address: gasWallet });

    // Mined once a second: each transaction waits for its block, so the kill lands between two of them.
    const test = createTestClient({ mode: 'anvil', transport: http(chain.rpcUrl) });
    await test.setAutomine(false);
    await test.setIntervalMining({ interval: 1 });
    const journal = `${file('signed.json')}.journal`;
    const send = ['sweep', 'send', '--signed', file('signed.json'), ...gasKey(), ...config()];
    const killed = await kassa(send, null, {
      onStart(child) {
        const poll = setInterval(() => {
          const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0;
          if (lines >= 2) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 5);
        child.once('exit', () => clearInterval(poll));
      },
    });
    expect(killed.stdout + killed.stderr).not.toContain('swept');
    await test.setIntervalMining({ interval: 0 });
    await test.setAutomine(true);
    await kassa(send, 0);
    await kassa(send, 0);

    // Each top-up was paid once, whatever the kill interrupted; every token and coin reached the destination.
    expect(await publicClient().getTransactionCount({ address: gasWallet })).toBe(noncesBefore + topUps);
    const balanceOf = (token: Address, owner: Address) =>
      publicClient().readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
    for (const token of [chain.tokens.USDT, chain.tokens.USDC]) {
      expect(await balanceOf(token, destination)).toBe(paid.get(token.toLowerCase()));
      for (const { address } of plan.addresses) expect(await balanceOf(token, address)).toBe(0n);
    }
    const nativeSent = plan.totals.find((asset) => asset.contract === null)?.amount;
    expect(await publicClient().getBalance({ address: destination })).toBe(BigInt(nativeSent ?? -1));
    const funds = await kassa(['funds', '--json', ...config()], 0);
    const lines = (JSON.parse(funds.stdout) as { funds: { token: string; awaiting_base_units: string }[] }).funds;
    for (const line of lines.filter((l) => l.token !== 'ETH')) expect(line.awaiting_base_units).toBe('0');
  });

  it('never shows the seed or a key: not in files, ledger, journal or anything printed', async () => {
    const plan = JSON.parse(readFileSync(file('plan.json'), 'utf8')) as SweepPlan;
    const secrets = [
      ANVIL_DEFAULT_MNEMONIC,
      ANVIL_DEFAULT_MNEMONIC.split(' ').slice(0, 4).join(' '),
      ANVIL_DEFAULT_ACCOUNT.privateKey.slice(2),
      ...plan.addresses.map((a) => {
        const key = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 2, addressIndex: a.index }).getHdKey()
          .privateKey;
        return Buffer.from(key ?? new Uint8Array()).toString('hex');
      }),
    ];
    const haystacks = [
      ...outputs.map((o) => o.stdout + o.stderr),
      ...['plan.json', 'signed.json', 'signed.json.journal', 'kassa.sqlite', 'kassa.sqlite-wal']
        .filter((n) => existsSync(file(n)))
        .map((n) => readFileSync(file(n)).toString('latin1')),
    ];
    expect(haystacks.length).toBeGreaterThan(8);
    for (const haystack of haystacks) {
      for (const secret of secrets) expect(haystack.toLowerCase().includes(secret.toLowerCase())).toBe(false);
    }
  });
});
