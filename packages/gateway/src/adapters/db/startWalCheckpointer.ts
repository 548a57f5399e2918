import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type StartWalCheckpointerParameters = {
  /** The SQLite database file (in WAL mode). */
  readonly file: string;
  readonly intervalMs: number;
  /** A checkpoint failed; the next one is tried at the next interval. */
  readonly onError: (message: string) => void;
};

export type WalCheckpointer = { stop(): Promise<void> };

// Plain CommonJS, evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driverPath);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message ? error.message : error));
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Copies SQLite's write-ahead log back into the database file from a worker thread. Left to
 * itself SQLite checkpoints inside whichever commit crosses the WAL size limit, so one merchant
 * request in a few hundred paid for copying and syncing thousands of pages (bench/create-order.ts).
 * A PASSIVE checkpoint never blocks the gateway's reads or writes. The gateway's own connection
 * keeps a raised automatic checkpoint as a backstop, should this worker fall behind or die.
 */
export function startWalCheckpointer({ file, intervalMs, onError }: StartWalCheckpointerParameters): WalCheckpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driverPath } });
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (error) => onError(error.message));
  // The worker must not keep a finished process alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Referenced again while it finishes: a process waiting only for this exit must not end first.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
