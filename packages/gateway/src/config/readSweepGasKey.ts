import { readFileSync } from 'node:fs';
import { ConfigError } from './ConfigError.ts';

/** The environment variable that holds the sweep gas wallet's private key. */
export const SWEEP_GAS_KEY_VARIABLE = 'KASSA_SWEEP_GAS_KEY';

const PRIVATE_KEY = /^0x[0-9a-fA-F]{64}$/;

export type ReadSweepGasKeyParameters = {
  /** `--gas-key-file`: wins over the environment. */
  readonly file?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
};

/**
 * The gas wallet's private key for `kassa sweep send | deploy`: from `--gas-key-file`, else from
 * `KASSA_SWEEP_GAS_KEY`; null when neither is given. Lives in config/ because only config reads the
 * environment. A malformed key is refused without ever repeating it.
 */
export function readSweepGasKey({ file, env = process.env }: ReadSweepGasKeyParameters): `0x${string}` | null {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigError('--gas-key-file', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    return checkKey(text, '--gas-key-file');
  }
  const text = env[SWEEP_GAS_KEY_VARIABLE];
  return text === undefined || text.trim() === '' ? null : checkKey(text.trim(), SWEEP_GAS_KEY_VARIABLE);
}

function checkKey(text: string, setting: string): `0x${string}` {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? `0x${text}` : text;
  if (!PRIVATE_KEY.test(key)) throw new ConfigError(setting, 'must hold a private key: 0x and 64 hex digits');
  return key as `0x${string}`;
}
