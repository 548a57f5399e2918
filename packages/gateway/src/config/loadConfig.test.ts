// Risk: a bad setting starts the gateway anyway, or the error does not say which setting is wrong.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../test/fixtures/devChain.ts';
import { catchConfigError } from '../../test/support/catchConfigError.ts';
import { loadConfig } from './loadConfig.ts';

const KEY = 'ab'.repeat(32);

function tempDir() {
  return mkdtempSync(path.join(tmpdir(), 'kassa-config-'));
}

function configError(run: () => unknown): string {
  return catchConfigError(run).message;
}

function loadFile(content: string, env: Record<string, string> = {}) {
  const dir = tempDir();
  const file = path.join(dir, 'kassa.json');
  writeFileSync(file, content);
  return loadConfig({
    mode: 'production',
    configFile: file,
    env: { KASSA_DATA_DIR: dir, KASSA_MASTER_KEY: KEY, ...env },
  });
}

describe('loadConfig', () => {
  it('defaults: SQLite in the data dir, 127.0.0.1:8080, public URL from the address', () => {
    const dir = tempDir();
    const config = loadConfig({ mode: 'production', env: { KASSA_DATA_DIR: dir, KASSA_MASTER_KEY: KEY } });
    expect(config.database.url).toBe(path.join(dir, 'kassa.sqlite'));
    expect(config.server).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'http://127.0.0.1:8080',
      bodyLimitBytes: 65_536,
    });
    expect(config.api.signatureWindowSeconds).toBe(120);
    expect(config.webhooks.retryScheduleSeconds).toEqual([30, 90, 210, 450, 930, 1890]);
    expect(config.webhooks.allowedCidrs).toEqual([]);
    expect(Object.isFrozen(config) && Object.isFrozen(config.server)).toBe(true);
  });

  it('environment, then config file, then defaults; command-line overrides win', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kassa.json');
    writeFileSync(
      file,
      JSON.stringify({ server: { port: 9000, publicUrl: 'https://pay.example.com/' }, masterKey: KEY }),
    );
    const fromFile = loadConfig({ mode: 'production', configFile: file, env: { KASSA_DATA_DIR: dir } });
    expect(fromFile.server.port).toBe(9000);
    expect(fromFile.server.publicUrl).toBe('https://pay.example.com');
    const fromEnv = loadConfig({
      mode: 'production',
      configFile: file,
      env: { KASSA_DATA_DIR: dir, KASSA_PORT: '9100', DATABASE_URL: 'postgres://u@h/db' },
    });
    expect(fromEnv.server.port).toBe(9100);
    expect(fromEnv.database.url).toBe('postgres://u@h/db');
    const fromFlag = loadConfig({
      mode: 'production',
      configFile: file,
      env: { KASSA_PORT: '9100' },
      overrides: { port: 7000 },
    });
    expect(fromFlag.server.port).toBe(7000);
  });

  it('production without a master key stops with a message naming KASSA_MASTER_KEY', () => {
    expect(configError(() => loadConfig({ mode: 'production', env: { KASSA_DATA_DIR: tempDir() } }))).toMatch(
      /^config: KASSA_MASTER_KEY is required in production/,
    );
  });

  it('dev generates a master key once into the data dir and reuses it', () => {
    const dir = tempDir();
    const first = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: dir } });
    const second = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: dir } });
    expect(Buffer.from(first.masterKey).toString('hex')).toBe(
      readFileSync(path.join(dir, 'master.key'), 'utf8').trim(),
    );
    expect(Buffer.from(second.masterKey)).toEqual(Buffer.from(first.masterKey));
    expect(first.webhooks.allowedCidrs).toEqual(['127.0.0.0/8', '::1/128']);
  });

  it.each([
    [{ KASSA_MASTER_KEY: 'short' }, 'config: KASSA_MASTER_KEY must be 32 bytes'],
    [{ KASSA_PORT: '70000' }, 'config: KASSA_PORT must be a whole number from 0 to 65535'],
    [{ KASSA_PORT: 'http' }, 'config: KASSA_PORT must be a whole number'],
    [{ KASSA_PUBLIC_URL: 'pay.example.com' }, 'config: KASSA_PUBLIC_URL must be an absolute http(s) URL'],
    [{ KASSA_PUBLIC_URL: 'ftp://pay.example.com' }, 'config: KASSA_PUBLIC_URL must be an http(s) URL'],
    [{ KASSA_LOG_LEVEL: 'loud' }, 'config: logLevel must be one of'],
  ])('environment %j → %s', (env, message) => {
    expect(
      configError(() =>
        loadConfig({ mode: 'production', env: { KASSA_DATA_DIR: tempDir(), KASSA_MASTER_KEY: KEY, ...env } }),
      ),
    ).toContain(message);
  });

  it.each([
    ['{', 'config: --config is not valid JSON'],
    ['[]', 'config: --config must hold a JSON object'],
    ['{"server": 5}', 'config: server must be an object'],
    ['{"networks": []}', 'config: networks must be an object'],
    ['{"rates": null}', 'config: rates must be an object'],
    ['{"server": {"bodyLimitBytes": 10}}', 'config: server.bodyLimitBytes must be a whole number from 1024'],
    [
      '{"webhooks": {"retryScheduleSeconds": [30, 20]}}',
      'config: webhooks.retryScheduleSeconds must be strictly increasing',
    ],
    ['{"webhooks": {"timeoutMs": "soon"}}', 'config: webhooks.timeoutMs must be a whole number'],
    ['{"server": {"port": "9000"}}', 'config: server.port must be a whole number'],
    [
      '{"webhooks": {"allowedCidrs": "10.0.0.0/8"}}',
      'config: webhooks.allowedCidrs must be a list of non-empty strings',
    ],
    ['{"api": {"signatureWindowSeconds": 0}}', 'config: api.signatureWindowSeconds must be a whole number from 1'],
    ['{"dataDir": 7}', 'config: dataDir must be a non-empty string'],
  ])('config file %s → %s', (content, message) => {
    expect(configError(() => loadFile(content))).toContain(message);
  });

  it.each([
    ['{"port": 8080}', 'port'],
    ['{"server": {"prot": 8080}}', 'server.prot'],
    ['{"api": {"window": 60}}', 'api.window'],
    ['{"orders": {"lateWindow": 60}}', 'orders.lateWindow'],
    ['{"webhooks": {"retries": [30]}}', 'webhooks.retries'],
    ['{"checkout": {"frameAncestor": []}}', 'checkout.frameAncestor'],
    ['{"networks": {"ETH": {"rpcUrl": []}}}', 'networks.ETH.rpcUrl'],
    ['{"rates": {"stalems": 1}}', 'rates.stalems'],
  ])('an unknown key %s is refused, naming %s', (content, setting) => {
    expect(catchConfigError(() => loadFile(content), setting).message).toContain('is not a setting (known: ');
  });

  it('checks a file value the environment overrides: a typo must not lie in wait', () => {
    const env = { KASSA_PORT: '9000', KASSA_PUBLIC_URL: 'https://pay.example.com' };
    catchConfigError(() => loadFile('{"server": {"port": 70000}}', env), 'server.port');
    catchConfigError(() => loadFile('{"server": {"publicUrl": "pay.example.com"}}', env), 'server.publicUrl');
  });

  it('resolves the networks and the rate settings', () => {
    const config = loadFile(
      JSON.stringify({
        networks: { xpub: DEV_CHAIN_XPUB, BSC: { rpcUrls: ['https://bsc.example-rpc.com'] } },
        rates: { tokens: { BNB: { fixed: '612.5' } } },
      }),
    );
    expect(config.networks.map((n) => [n.key, n.chainId, n.tokens.map((t) => t.symbol)])).toEqual([
      ['BSC', 56, ['USDT', 'USDC', 'BNB']],
    ]);
    expect(config.rates.fixedPrices).toEqual({ BNB: '612.5' });
    expect(Object.isFrozen(config.networks[0]?.tokens[0])).toBe(true);
  });

  it('a missing config file is named', () => {
    expect(configError(() => loadConfig({ mode: 'dev', configFile: '/nonexistent/kassa.json' }))).toContain(
      'config: --config cannot be read (/nonexistent/kassa.json): ENOENT',
    );
  });
});
