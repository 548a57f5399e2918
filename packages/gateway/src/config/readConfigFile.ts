import { readFileSync } from 'node:fs';
import { ConfigError } from './ConfigError.ts';
import { isRecord } from './read/isRecord.ts';

/** Reads and parses the JSON config file; what is in it is checked by the section readers. */
export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('--config', `cannot be read (${file}): ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('--config', `is not valid JSON (${file}): ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(parsed)) throw new ConfigError('--config', `must hold a JSON object (${file})`);
  return parsed;
}
