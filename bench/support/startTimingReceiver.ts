import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TimingReceiver = {
  /** The webhook URL on 127.0.0.1. */
  readonly url: string;
  /** When the first webhook of each payment (by `txid`) arrived, in `performance.now()` time. */
  readonly receivedAtMs: ReadonlyMap<string, number>;
  stop(): Promise<void>;
};

/**
 * A merchant endpoint on loopback that notes when each payment's first webhook arrived (the moment
 * its request began, before the body was read) and answers `success` at once.
 */
export async function startTimingReceiver(): Promise<TimingReceiver> {
  const receivedAtMs = new Map<string, number>();
  const server = createServer((request, response) => {
    const arrivedAtMs = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { txid } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { txid?: string };
      if (typeof txid === 'string' && !receivedAtMs.has(txid)) receivedAtMs.set(txid, arrivedAtMs);
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('success');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/kassa/webhook`,
    receivedAtMs,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
