// Guards against a dev chain that loses its contracts and balances on restart, or an anvil process that outlives its owner.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, createWalletClient, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { deployTestToken } from './deployTestToken.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { ANVIL_DEFAULT_ACCOUNT, startAnvil } from './startAnvil.ts';

const dir = mkdtempSync(join(tmpdir(), 'kassa-anvil-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startAnvil', () => {
  it('listens on a free loopback port with the requested chain id and stops for good', async () => {
    const anvil = await startAnvil({ chainId: 4242 });
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`);
    expect(anvil.port).toBeGreaterThan(0);
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    expect(await client.getChainId()).toBe(4242);
    await anvil.stop();
    await anvil.stop();
    expect(await isAnswering(anvil.port)).toBe(false);
  });

  it('keeps contracts, balances and blocks across a restart with stateFile', async () => {
    const stateFile = join(dir, 'state.json');
    const holder = '0x000000000000000000000000000000000000bEEF';
    const first = await startAnvil({ stateFile });
    const token = await deployTestToken({
      rpcUrl: first.rpcUrl,
      privateKey: ANVIL_DEFAULT_ACCOUNT.privateKey,
      name: 'Tether USD',
      symbol: 'USDT',
      decimals: 6,
    });
    const wallet = createWalletClient({
      account: privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey),
      transport: http(first.rpcUrl),
    }).extend(publicActions);
    const hash = await wallet.writeContract({
      address: token,
      abi: kassaTestTokenAbi,
      functionName: 'mint',
      args: [holder, 123_456_789n],
      chain: null,
    });
    const receipt = await wallet.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    await first.stop();
    expect(statSync(stateFile).size).toBeGreaterThan(0);

    const second = await startAnvil({ stateFile });
    try {
      const client = createPublicClient({ transport: http(second.rpcUrl) });
      expect(await client.getBlockNumber()).toBe(receipt.blockNumber);
      const read = (functionName: 'symbol' | 'decimals') =>
        client.readContract({ address: token, abi: kassaTestTokenAbi, functionName });
      expect(await read('symbol')).toBe('USDT');
      expect(await read('decimals')).toBe(6);
      const balance = await client.readContract({
        address: token,
        abi: kassaTestTokenAbi,
        functionName: 'balanceOf',
        args: [holder],
      });
      expect(balance).toBe(123_456_789n);
    } finally {
      await second.stop();
    }
  });

  it('does not outlive a parent process that exits without stopping it', async () => {
    const script = [
      `import { startAnvil } from ${JSON.stringify(join(import.meta.dirname, 'startAnvil.ts'))};`,
      'const anvil = await startAnvil();',
      'console.log(anvil.port);',
      'process.exit(0);',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    const port = Number(result.stdout.trim());
    expect(port, result.stderr).toBeGreaterThan(0);
    // SIGKILL is delivered at once, but give the kernel a moment to close the socket.
    const deadlineMs = Date.now() + 2_000;
    while ((await isAnswering(port)) && Date.now() < deadlineMs) await new Promise((r) => setTimeout(r, 50));
    expect(await isAnswering(port)).toBe(false);
  });
});

async function isAnswering(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}`, { method: 'POST', signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}
