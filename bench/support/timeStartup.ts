import { spawn } from 'node:child_process';
import { request } from 'node:http';

/** How often a starting server is asked for /healthz: fine enough not to blur a start of ~100 ms. */
const POLL_MS = 5;
const TIMEOUT_MS = 60_000;

/** Milliseconds from spawning `command` to its exit; throws unless it exits 0. */
export async function timeToExit(command: readonly string[], env: Readonly<Record<string, string>>): Promise<number> {
  const [executable, ...args] = command as [string, ...string[]];
  const startedAt = performance.now();
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const elapsedMs = performance.now() - startedAt;
  if (code !== 0) throw new Error(`${command.join(' ')} exited with ${code}:\n${stderr}`);
  return elapsedMs;
}

/** Milliseconds from spawning `command` (a server) to the first 200 from `url`/healthz; then stops it. */
export async function timeToHealthy(
  command: readonly string[],
  env: Readonly<Record<string, string>>,
  url: string,
): Promise<number> {
  const [executable, ...args] = command as [string, ...string[]];
  const startedAt = performance.now();
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${command.join(' ')} exited with ${exitCode}:\n${stderr}`);
      if (performance.now() - startedAt > TIMEOUT_MS) throw new Error(`no 200 from ${url}/healthz:\n${stderr}`);
      if ((await getStatus(`${url}/healthz`)) === 200) return performance.now() - startedAt;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    if (exitCode === undefined) child.kill('SIGTERM');
    await exited;
  }
}

/** The status of a GET, or 0 when nothing listens yet. node:http: cheaper per try than fetch. */
function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}
