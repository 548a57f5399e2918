// Risk: `kassa funds` beside the sandbox shows TRON_DEV payments in base units under a bare contract, or fails on a sandbox.json without TRON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSandboxTronNetwork } from './readSandboxTronNetwork.ts';
import { SANDBOX_FILE } from './SandboxInfo.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDirWith(info: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kassa-tron-sandbox-'));
  dirs.push(dir);
  if (info !== undefined) writeFileSync(path.join(dir, SANDBOX_FILE), JSON.stringify(info));
  return dir;
}

const TRON = {
  simulated: true,
  note: 'simulated',
  rpc_url: 'http://127.0.0.1:40002/jsonrpc',
  http_api_url: 'http://127.0.0.1:40002',
  chain_id: 31338,
  network_key: 'TRON_DEV',
};
const TOKENS = [
  { token_id: 'a', crypto: 'USDT', chain: 'DEV', contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3', decimals: 6 },
  { token_id: 'b', crypto: 'USDT', chain: 'TRX', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', decimals: 6 },
  { token_id: 'c', crypto: 'TRX', chain: 'TRX', contract: 'TRX', decimals: 6 },
];

describe('readSandboxTronNetwork', () => {
  it('rebuilds TRON_DEV from sandbox.json: USDT at the hex of its T… contract, TRX native, 6 decimals each', () => {
    const network = readSandboxTronNetwork(dataDirWith({ tokens: TOKENS, tron: TRON }));
    expect(network).toMatchObject({ key: 'TRON_DEV', chainId: 31338, rpcUrls: [TRON.rpc_url] });
    expect(network?.kind.name).toBe('tron');
    expect(network?.tokens.map((t) => [t.symbol, t.contract, t.decimals])).toEqual([
      ['USDT', '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c', 6],
      ['TRX', null, 6],
    ]);
  });

  it('is null without a sandbox, or for a sandbox that ran without TRON (--rpc-url, or an older start)', () => {
    expect(readSandboxTronNetwork(dataDirWith(undefined))).toBeNull();
    expect(readSandboxTronNetwork(dataDirWith({ tokens: TOKENS.slice(0, 1), tron: null }))).toBeNull();
    expect(readSandboxTronNetwork(dataDirWith({ tokens: TOKENS.slice(0, 1) }))).toBeNull();
  });
});
