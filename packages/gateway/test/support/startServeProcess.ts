import { type ChildProcess, spawn } from 'node:child_process';
import { KASSA_SOURCE_ARGS } from './kassaSourceArgs.ts';

export type ServeProcess = {
  readonly child: ChildProcess;
  /** Everything it printed so far (JSON log lines). */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Resolves once `url` answers 200. */
  waitUntilServing(url: string, timeoutMs?: number): Promise<void>;
};

/** Runs `kassa serve` (from the sources) with `env` over the test's environment. */
export function startServeProcess(args: readonly string[], env: Readonly<Record<string, string>>): ServeProcess {
  const child = spawn(process.execPath, [...KASSA_SOURCE_ARGS, 'serve', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  return {
    child,
    output: () => output,
    exited,
    async waitUntilServing(url, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (hasExited) throw new Error(`kassa serve exited before serving:\n${output}`);
        const ok = await fetch(url).then(
          (response) => response.ok,
          () => false,
        );
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`kassa serve did not answer ${url}:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
