import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS } from './core/getRetryDelay.ts';

/** How Kassa runs: `dev` relaxes what a laptop needs relaxed (generated key, loopback webhooks). */
export type KassaMode = 'dev' | 'production';

/** One validated, frozen configuration. Built once by `loadConfig`, passed down, never global. */
export type KassaConfig = {
  readonly mode: KassaMode;
  readonly dataDir: string;
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** Base of `payment_url`s, without a trailing slash. */
    readonly publicUrl: string;
    readonly bodyLimitBytes: number;
    /** Per-app requests per minute on the merchant API; 0 turns the limit off. */
    readonly appRequestsPerMinute: number;
    /** Per-client-address requests per minute on the public pages; 0 turns the limit off. */
    readonly ipRequestsPerMinute: number;
  };
  readonly database: {
    /** A `postgres://` URL, or the SQLite file path. */
    readonly url: string;
  };
  readonly masterKey: Uint8Array;
  readonly api: {
    /** Accepted |now − Timestamp| of signed requests. */
    readonly signatureWindowSeconds: number;
  };
  readonly orders: {
    /** After expiry, addresses stay watched this long so late funds become "(Overdue)". */
    readonly latePaymentWindowSeconds: number;
  };
  readonly webhooks: {
    readonly timeoutMs: number;
    readonly retryScheduleSeconds: readonly number[];
    /** CIDRs webhook targets may resolve into despite the private-address guard. */
    readonly allowedCidrs: readonly string[];
    readonly concurrency: number;
    readonly perEndpointConcurrency: number;
  };
  readonly checkout: {
    /** CSP `frame-ancestors` sources for merchants who embed the page; empty → `'none'`. */
    readonly frameAncestors: readonly string[];
  };
  /** Network settings as written in the config file; resolved against built-in defaults elsewhere. */
  readonly networks: Readonly<Record<string, unknown>>;
  /** Rate settings as written in the config file; resolved by the rates adapter. */
  readonly rates: Readonly<Record<string, unknown>>;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
};

/** A bad setting: the message names it, and the process stops with it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super(`config: ${setting} ${problem}`);
    this.setting = setting;
  }
}

export type LoadConfigParameters = {
  /** `auto` (admin commands): production when a master key is configured, else dev. */
  readonly mode: KassaMode | 'auto';
  /** Path of the JSON config file (`--config`), if any. */
  readonly configFile?: string;
  /** Command-line overrides, which win over the file and the environment. */
  readonly overrides?: { readonly host?: string; readonly port?: number; readonly dataDir?: string };
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads the config file and the environment (`KASSA_DATA_DIR`, `DATABASE_URL`, `KASSA_PUBLIC_URL`,
 * `KASSA_MASTER_KEY`, `KASSA_HOST`, `KASSA_PORT`, `KASSA_LOG_LEVEL`), validates every value and
 * returns a frozen config. The only module that reads `process.env`.
 */
export function loadConfig(parameters: LoadConfigParameters): KassaConfig {
  const env = parameters.env ?? process.env;
  const cwd = parameters.cwd ?? process.cwd();
  const file = parameters.configFile === undefined ? {} : readConfigFile(path.resolve(cwd, parameters.configFile));
  const section = (name: string) => readSection(file, name);
  const serverFile = section('server');
  const webhooksFile = section('webhooks');

  // Every file value is validated, even one the environment overrides: a typo must not lie in wait.
  const fileDataDir = optionalString(file, 'dataDir', 'dataDir');
  const fileHost = optionalString(serverFile, 'host', 'server.host');
  const filePublicUrl = optionalString(serverFile, 'publicUrl', 'server.publicUrl');
  const fileDatabaseUrl = optionalString(file, 'databaseUrl', 'databaseUrl');
  const fileMasterKey = optionalString(file, 'masterKey', 'masterKey');
  const fileLogLevel = optionalString(file, 'logLevel', 'logLevel');

  const dataDir = path.resolve(cwd, parameters.overrides?.dataDir ?? env.KASSA_DATA_DIR ?? fileDataDir ?? './data');
  const host = parameters.overrides?.host ?? env.KASSA_HOST ?? fileHost ?? '127.0.0.1';
  const port = readPort(
    parameters.overrides?.port ?? env.KASSA_PORT ?? serverFile.port ?? 8080,
    parameters.overrides?.port !== undefined ? '--port' : env.KASSA_PORT !== undefined ? 'KASSA_PORT' : 'server.port',
  );
  const publicUrl = readPublicUrl(
    env.KASSA_PUBLIC_URL ?? filePublicUrl ?? `http://${hostForUrl(host)}:${port}`,
    env.KASSA_PUBLIC_URL !== undefined ? 'KASSA_PUBLIC_URL' : 'server.publicUrl',
  );

  const databaseUrl = env.DATABASE_URL ?? fileDatabaseUrl ?? path.join(dataDir, 'kassa.sqlite');
  const keyText = env.KASSA_MASTER_KEY ?? fileMasterKey;
  const mode: KassaMode = parameters.mode === 'auto' ? (keyText === undefined ? 'dev' : 'production') : parameters.mode;
  const masterKey = readMasterKey({
    mode,
    dataDir,
    text: keyText,
    setting: env.KASSA_MASTER_KEY !== undefined ? 'KASSA_MASTER_KEY' : 'masterKey',
  });
  const logLevel = env.KASSA_LOG_LEVEL ?? fileLogLevel ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const config: KassaConfig = {
    mode,
    dataDir,
    server: {
      host,
      port,
      publicUrl,
      bodyLimitBytes: readInteger(serverFile.bodyLimitBytes ?? 65_536, 'server.bodyLimitBytes', 1024, 16 * 1024 * 1024),
      appRequestsPerMinute: readInteger(
        serverFile.appRequestsPerMinute ?? 60_000,
        'server.appRequestsPerMinute',
        0,
        10_000_000,
      ),
      ipRequestsPerMinute: readInteger(
        serverFile.ipRequestsPerMinute ?? 600,
        'server.ipRequestsPerMinute',
        0,
        10_000_000,
      ),
    },
    database: { url: databaseUrl },
    masterKey,
    api: {
      signatureWindowSeconds: readInteger(
        section('api').signatureWindowSeconds ?? 120,
        'api.signatureWindowSeconds',
        1,
        3600,
      ),
    },
    orders: {
      latePaymentWindowSeconds: readInteger(
        section('orders').latePaymentWindowSeconds ?? 7 * 86_400,
        'orders.latePaymentWindowSeconds',
        0,
        365 * 86_400,
      ),
    },
    webhooks: {
      timeoutMs: readInteger(webhooksFile.timeoutMs ?? 10_000, 'webhooks.timeoutMs', 100, 120_000),
      retryScheduleSeconds: readSchedule(webhooksFile.retryScheduleSeconds ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS),
      allowedCidrs: readStringList(
        webhooksFile.allowedCidrs ?? (mode === 'dev' ? ['127.0.0.0/8', '::1/128'] : []),
        'webhooks.allowedCidrs',
      ),
      concurrency: readInteger(webhooksFile.concurrency ?? 64, 'webhooks.concurrency', 1, 10_000),
      perEndpointConcurrency: readInteger(
        webhooksFile.perEndpointConcurrency ?? 4,
        'webhooks.perEndpointConcurrency',
        1,
        1000,
      ),
    },
    checkout: {
      frameAncestors: readStringList(section('checkout').frameAncestors ?? [], 'checkout.frameAncestors'),
    },
    networks: section('networks'),
    rates: section('rates'),
    logLevel: logLevel as KassaConfig['logLevel'],
  };
  return deepFreeze(config);
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('--config', `cannot be read (${file}): ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('--config', `is not valid JSON (${file}): ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new ConfigError('--config', `must hold a JSON object (${file})`);
  return parsed;
}

function readSection(file: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = file[name];
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ConfigError(name, 'must be an object');
  return value;
}

function optionalString(source: Record<string, unknown>, key: string, setting: string): string | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new ConfigError(setting, 'must be a non-empty string');
  return value;
}

function readInteger(value: unknown, setting: string, min: number, max: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(setting, `must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function readPort(value: unknown, setting: string): number {
  return readInteger(value, setting, 0, 65_535);
}

function readPublicUrl(text: string, setting: string): string {
  if (!URL.canParse(text)) throw new ConfigError(setting, 'must be an absolute http(s) URL');
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(setting, 'must be an http(s) URL');
  return text.replace(/\/+$/, '');
}

function readSchedule(value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ConfigError('webhooks.retryScheduleSeconds', 'must be a non-empty list of seconds');
  }
  const schedule = value.map((v, i) => readInteger(v, `webhooks.retryScheduleSeconds[${i}]`, 1, 30 * 86_400));
  for (let i = 1; i < schedule.length; i++) {
    if ((schedule[i] ?? 0) <= (schedule[i - 1] ?? 0)) {
      throw new ConfigError(
        'webhooks.retryScheduleSeconds',
        'must be strictly increasing offsets from the first attempt',
      );
    }
  }
  return schedule;
}

function readStringList(value: unknown, setting: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new ConfigError(setting, 'must be a list of non-empty strings');
  }
  return value as string[];
}

function readMasterKey(p: { mode: KassaMode; dataDir: string; text: string | undefined; setting: string }): Uint8Array {
  if (p.text !== undefined) return decodeMasterKey(p.text, p.setting);
  if (p.mode === 'production') {
    throw new ConfigError('KASSA_MASTER_KEY', 'is required in production (32 bytes as 64 hex digits or base64)');
  }
  // Dev only: a key generated once into the data dir, so a laptop needs no setup.
  const keyFile = path.join(p.dataDir, 'master.key');
  if (existsSync(keyFile)) return decodeMasterKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
  mkdirSync(p.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeMasterKey(text: string, setting: string): Uint8Array {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length !== 32) throw new ConfigError(setting, 'must be 32 bytes, as 64 hex digits or base64');
  return bytes;
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  // Typed arrays (the master key) cannot be frozen; they are not shared outside the config.
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
