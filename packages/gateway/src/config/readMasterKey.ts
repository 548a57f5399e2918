import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './ConfigError.ts';
import type { KassaMode } from './KassaConfig.ts';

export type ReadMasterKeyParameters = {
  readonly mode: KassaMode;
  readonly dataDir: string;
  /** The configured key, if any: 64 hex digits or base64. */
  readonly text: string | undefined;
  /** Where `text` came from (`KASSA_MASTER_KEY` or `masterKey`), for the error message. */
  readonly setting: string;
};

/** Decodes the configured master key; in dev without one, a key generated once into the data dir. */
export function readMasterKey({ mode, dataDir, text, setting }: ReadMasterKeyParameters): Uint8Array {
  if (text !== undefined) return decodeMasterKey(text, setting);
  if (mode === 'production') {
    throw new ConfigError('KASSA_MASTER_KEY', 'is required in production (32 bytes as 64 hex digits or base64)');
  }
  // Dev only: a key generated once into the data dir, so a laptop needs no setup.
  const keyFile = path.join(dataDir, 'master.key');
  if (existsSync(keyFile)) return decodeMasterKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeMasterKey(text: string, setting: string): Uint8Array {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length !== 32) throw new ConfigError(setting, 'must be 32 bytes, as 64 hex digits or base64');
  return bytes;
}
