import { existsSync, writeFileSync } from 'node:fs';
import { UsageError } from '../parseCommandArgs.ts';

/** Refuses early, before any work, an output file that exists (unless `force`). */
export function assertCanWrite(file: string, force: boolean): void {
  if (!force && existsSync(file)) throw new UsageError(`${file} exists; pass --force to overwrite it`);
}

/** Writes a sweep file; without `force` an existing file is never overwritten, even one made meanwhile. */
export function writeNewFile(file: string, text: string, force: boolean): void {
  try {
    writeFileSync(file, text, { flag: force ? 'w' : 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${file} exists; pass --force to overwrite it`);
    throw error;
  }
}
