import { chmodSync, writeFileSync } from 'node:fs';
import type { SandboxInfo } from './SandboxInfo.ts';

/** Writes the sandbox file readable by its owner only: it holds the app secret and a devnet key. */
export function writeSandboxFile(file: string, info: SandboxInfo): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created; an older file may have been looser.
  chmodSync(file, 0o600);
}
