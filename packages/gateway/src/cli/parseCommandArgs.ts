import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BaseError } from '../core/BaseError.ts';

/** A command-line mistake: printed as one line, exit code 1. */
export class UsageError extends BaseError {
  override readonly name = 'UsageError';
}

/** `parseArgs` in strict mode with positionals; unknown options become usage errors. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

/** Reads a `--port` value. */
export function readPortOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) throw new UsageError(`--port must be 0–65535, got '${text}'`);
  return Number(text);
}
