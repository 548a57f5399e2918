import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/runWebhookDispatcher.ts', import.meta.url));

export type DispatcherProcess = {
  readonly child: ChildProcess;
  /** Resolves once the process prints `ready`. */
  readonly ready: Promise<void>;
  /** Everything it printed so far. */
  output(): string;
  /** Graceful stop (SIGTERM); resolves to how many deliveries it leased. */
  stop(): Promise<number>;
  /** `kill -9`: no cleanup at all. */
  kill(): Promise<void>;
};

/** Starts `test/fixtures/runWebhookDispatcher.ts` in its own Node process. */
export function spawnDispatcherProcess(env: Readonly<Record<string, string>>): DispatcherProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, KASSA_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`dispatcher process exited (${code}) before ready:\n${output}`)));
  });
  return {
    child,
    ready,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      const match = /leased (\d+)/.exec(output);
      if (match === null) throw new Error(`dispatcher process did not report its leases:\n${output}`);
      return Number(match[1]);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
