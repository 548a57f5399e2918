import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** What the measured gateway prints once it listens. */
export type MeasuredServerInfo = { url: string; appId: string; appSecret: string };

/** Starts the gateway under node --expose-gc with an IPC channel, and waits for its hello line. */
export async function startMeasuredServer() {
  const script = fileURLToPath(new URL('./serveKassaWithMemoryReport.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<MeasuredServerInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code} before it listened`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as MeasuredServerInfo));
  });
  return {
    info,
    child,
    ask<T>(message: { type: 'memory' } | { type: 'snapshot'; file: string }): Promise<T> {
      return new Promise((resolve) => {
        child.once('message', (reply: { report?: T; file?: T }) => resolve((reply.report ?? reply.file) as T));
        child.send(message);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
