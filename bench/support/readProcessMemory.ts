import { readFileSync } from 'node:fs';

/** Memory of a process and its descendants, as a process monitor sees it (no GC forced). */
export type ProcessMemory = {
  readonly rssBytes: number;
  /** Anonymous memory: the JS heap, native allocations (SQLite's page cache, buffers). */
  readonly rssAnonBytes: number;
  /** File-backed pages mapped in: the code, and SQLite's memory-mapped database reads. */
  readonly rssFileBytes: number;
  /** The highest RSS each process reached so far (VmHWM), summed. */
  readonly rssPeakBytes: number;
};

/**
 * Reads /proc/<pid>/status of `pid` and all its descendants and sums their RSS: a command started
 * through a wrapper (npx, a shell) runs the server in a child of the process spawned. Linux only.
 */
export function readProcessMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  let memory: ProcessMemory = {
    rssBytes: kib('VmRSS'),
    rssAnonBytes: kib('RssAnon'),
    rssFileBytes: kib('RssFile'),
    rssPeakBytes: kib('VmHWM'),
  };
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  for (const child of children === '' ? [] : children.split(' ')) {
    const c = readProcessMemory(Number(child));
    memory = {
      rssBytes: memory.rssBytes + c.rssBytes,
      rssAnonBytes: memory.rssAnonBytes + c.rssAnonBytes,
      rssFileBytes: memory.rssFileBytes + c.rssFileBytes,
      rssPeakBytes: memory.rssPeakBytes + c.rssPeakBytes,
    };
  }
  return memory;
}

/**
 * Waits until the RSS has stopped moving (within 1 MiB over `quietMs`, sampled every 250 ms) or
 * `timeoutMs` has passed, and returns the last reading: what an operator's monitor shows once a
 * freshly started or freshly loaded server has settled.
 */
export async function waitForSettledMemory(pid: number, quietMs = 3_000, timeoutMs = 30_000): Promise<ProcessMemory> {
  const deadline = Date.now() + timeoutMs;
  let last = readProcessMemory(pid);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = readProcessMemory(pid);
    if (Math.abs(now.rssBytes - last.rssBytes) > 2 ** 20) {
      quietSince = Date.now();
      last = now;
    } else if (Date.now() - quietSince >= quietMs) {
      return now;
    }
  }
  return readProcessMemory(pid);
}
