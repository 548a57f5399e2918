import { type ChildProcess, spawn } from 'node:child_process';

export type KassaServeProcess = {
  readonly pid: number;
  readonly url: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readonly startMs: number;
  /** The last few KB the server wrote, for a failure report. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
};

const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const TAIL_CHARS = 4_000;

/**
 * Runs `command … serve --config FILE` as an operator would (the given environment on top of this
 * one) and resolves once `/healthz` answers 200 on `port`. Its logs are read and dropped (a tail kept).
 */
export async function spawnKassaServe(
  command: readonly string[],
  configFile: string,
  port: number,
  env: Readonly<Record<string, string>>,
): Promise<KassaServeProcess> {
  const [executable, ...args] = command as [string, ...string[]];
  const startedAt = performance.now();
  const child: ChildProcess = spawn(executable, [...args, 'serve', '--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (hasExited) throw new Error(`kassa serve exited before it answered /healthz:\n${tail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`kassa serve did not answer /healthz within ${STARTUP_TIMEOUT_MS} ms:\n${tail}`);
    }
    if (await isHealthy(url)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    pid: child.pid as number,
    url,
    startMs: performance.now() - startedAt,
    outputTail: () => tail,
    async stop() {
      if (hasExited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    // Not listening yet.
    return false;
  }
}
