import { type ChildProcess, spawn } from 'node:child_process';
import { KASSA_SOURCE_ARGS } from './kassaSourceArgs.ts';

export type KassaProcessResult = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/**
 * Runs `kassa …args` from the sources in a child process and collects what it printed. With
 * `withoutNetwork`, the child runs in a network namespace of its own (`unshare -n`): no interface
 * but a downed loopback, so any connection it tries fails. `onStart` gets the child, e.g. to kill it.
 */
export function runKassaProcess(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; withoutNetwork?: boolean; onStart?: (child: ChildProcess) => void } = {},
): Promise<KassaProcessResult> {
  const node = [...KASSA_SOURCE_ARGS, ...args];
  const [command, commandArgs] = options.withoutNetwork
    ? ['unshare', ['-n', process.execPath, ...node]]
    : [process.execPath, node];
  const child = spawn(command as string, commandArgs as string[], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onStart?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
