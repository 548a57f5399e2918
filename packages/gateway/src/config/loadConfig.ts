import path from 'node:path';
import { ConfigError } from './ConfigError.ts';
import { CONFIG_SETTINGS, ENVIRONMENT_VARIABLES } from './configSettings.ts';
import { type KassaConfig, type KassaMode, LOG_LEVELS, type LogLevel } from './KassaConfig.ts';
import { readNetworks } from './networks/readNetworks.ts';
import { readRateSettings } from './rates/readRateSettings.ts';
import { readInteger } from './read/readInteger.ts';
import { readObject } from './read/readObject.ts';
import { readString } from './read/readString.ts';
import { readStringList } from './read/readStringList.ts';
import { readConfigFile } from './readConfigFile.ts';
import { readMasterKey } from './readMasterKey.ts';
import { readMetricsSection } from './readMetricsSection.ts';
import { readServerSection } from './readServerSection.ts';
import { readWebhooksSection } from './readWebhooksSection.ts';

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

type SectionName = 'server' | 'metrics' | 'api' | 'orders' | 'watcher' | 'webhooks' | 'checkout';

const ROOT_TEXT_SETTINGS = ['dataDir', 'databaseUrl', 'masterKey', 'logLevel'] as const;

/**
 * Reads the config file and the environment (`ENVIRONMENT_VARIABLES`), checks every value,
 * refuses every unknown key and returns a frozen config with the networks and rate settings
 * resolved. The only module that reads `process.env`.
 *
 * @example
 * const config = loadConfig({ mode: 'production', configFile: 'kassa.json' });
 * config.networks; // [{ key: 'ETH', chainId: 1, tokens: [USDT, USDC, ETH], … }]
 */
export function loadConfig(parameters: LoadConfigParameters): KassaConfig {
  const env = parameters.env ?? process.env;
  const cwd = parameters.cwd ?? process.cwd();
  const file = parameters.configFile === undefined ? {} : readConfigFile(path.resolve(cwd, parameters.configFile));
  const root = readObject(file, '', CONFIG_SETTINGS);
  const section = (name: SectionName) =>
    root[name] === undefined ? {} : readObject(root[name], name, CONFIG_SETTINGS[name]);
  // Every file value is checked, even one the environment overrides: a typo must not lie in wait.
  const [fileDataDir, fileDatabaseUrl, fileMasterKey, fileLogLevel] = ROOT_TEXT_SETTINGS.map((name) =>
    root[name] === undefined ? undefined : readString(root[name], name),
  );
  const fromEnv = (name: keyof typeof ENVIRONMENT_VARIABLES) => env[ENVIRONMENT_VARIABLES[name]];

  const dataDir = path.resolve(cwd, parameters.overrides?.dataDir ?? fromEnv('dataDir') ?? fileDataDir ?? './data');
  const keyText = fromEnv('masterKey') ?? fileMasterKey;
  const mode: KassaMode = parameters.mode === 'auto' ? (keyText === undefined ? 'dev' : 'production') : parameters.mode;
  const server = readServerSection(section('server'), { env, overrides: parameters.overrides ?? {} });
  const databaseUrl = fromEnv('databaseUrl') ?? fileDatabaseUrl ?? path.join(dataDir, 'kassa.sqlite');
  const masterKey = readMasterKey({
    mode,
    dataDir,
    text: keyText,
    setting: fromEnv('masterKey') !== undefined ? ENVIRONMENT_VARIABLES.masterKey : 'masterKey',
  });
  const logLevel = readLogLevel(
    fromEnv('logLevel') ?? (fileLogLevel === undefined ? 'info' : readLogLevel(fileLogLevel)),
  );
  const config: KassaConfig = {
    mode,
    dataDir,
    server,
    metrics: readMetricsSection(section('metrics')),
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
    watcher: {
      failoverSeconds: readInteger(section('watcher').failoverSeconds ?? 5, 'watcher.failoverSeconds', 1, 300),
    },
    webhooks: readWebhooksSection(section('webhooks'), mode),
    checkout: {
      frameAncestors: readStringList(section('checkout').frameAncestors ?? [], 'checkout.frameAncestors'),
    },
    networks: readNetworks(root.networks === undefined ? {} : root.networks),
    rates: readRateSettings(root.rates === undefined ? {} : root.rates),
    logLevel,
  };
  return deepFreeze(config);
}

function readLogLevel(text: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new ConfigError('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return text as LogLevel;
}

function deepFreeze<T>(value: T): T {
  // Typed arrays (the master key) cannot be frozen; they are not shared outside the config.
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
