// Risk: the banner lets a developer take the sandbox's TRON network for a real TRON node, or hides which coins run where.
import { describe, expect, it } from 'vitest';
import { formatSandboxBanner } from './formatSandboxBanner.ts';
import type { SandboxInfo } from './SandboxInfo.ts';

const INFO: SandboxInfo = {
  app_id: 'app',
  app_secret: 'secret',
  public_url: 'http://127.0.0.1:8080',
  rpc_url: 'http://127.0.0.1:40001',
  chain_id: 31337,
  test_account: { address: '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c', private_key: '0x01' },
  tokens: [
    {
      token_id: 'id-1',
      crypto: 'USDT',
      chain: 'DEV',
      contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      decimals: 6,
    },
    { token_id: 'id-2', crypto: 'USDT', chain: 'TRX', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', decimals: 6 },
    { token_id: 'id-3', crypto: 'TRX', chain: 'TRX', contract: 'TRX', decimals: 6 },
  ],
  tron: {
    simulated: true,
    note: 'simulated',
    rpc_url: 'http://127.0.0.1:40002/jsonrpc',
    http_api_url: 'http://127.0.0.1:40002',
    chain_id: 31338,
    network_key: 'TRON_DEV',
  },
  console_url: 'http://127.0.0.1:8080/console/dev-sign-in?token=t0ken',
};

describe('formatSandboxBanner', () => {
  it('names the TRON network a simulation, with its URLs and the test account in T form', () => {
    const banner = formatSandboxBanner(INFO, '/data');
    expect(banner).toContain('TRON devnet    http://127.0.0.1:40002/jsonrpc (chain id 31338, network TRON_DEV)');
    expect(banner).toContain('simulated: an anvil chain behind a TRON API simulator');
    expect(banner).toContain('not a TRON node');
    // The hex account above is the one TronScan writes TR7NHq…: the same 20 bytes.
    expect(banner).toContain('(on TRON_DEV: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t)');
    expect(banner).toContain('USDT on TRX  TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (token_id id-2)');
    expect(banner).toContain('TRX on TRX  native (token_id id-3)');
    expect(banner).toContain('USDT on DEV  0x5FbDB2315678afecb367f032d93F642f64180aa3 (token_id id-1)');
  });

  it('prints the console link that signs in as operator dev', () => {
    expect(formatSandboxBanner(INFO, '/data')).toContain(
      'Console        http://127.0.0.1:8080/console/dev-sign-in?token=t0ken (signs in as operator dev;',
    );
  });

  it('says nothing of TRON beside an external devnet', () => {
    const banner = formatSandboxBanner({ ...INFO, tokens: INFO.tokens.slice(0, 1), tron: null }, '/data');
    expect(banner).not.toMatch(/TRON/);
    expect(banner).toContain('Ctrl-C stops Kassa and the devnet.');
  });
});
