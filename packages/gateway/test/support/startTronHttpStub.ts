import { createServer } from 'node:http';
import { listenOnLoopback } from '../../src/adapters/http/listenOnLoopback.ts';

/** One request the stub received: its path and its parsed JSON body (undefined if not JSON). */
export type TronHttpStubRequest = { readonly path: string; readonly body: unknown };

/** How the stub answers one request. */
export type TronHttpStubAnswer = {
  /** Default 200, as java-tron answers even its errors. */
  readonly status?: number;
  /** Sent as is when a string, else as JSON. */
  readonly body: unknown;
  /** Holds the answer back, to exercise client timeouts. */
  readonly delayMs?: number;
};

export type TronHttpStub = {
  /** `http://127.0.0.1:<port>`: a TRON node's base URL (`/wallet/…`, `/jsonrpc`). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: readonly TronHttpStubRequest[];
  stop(): Promise<void>;
};

/**
 * A real loopback HTTP server standing in for a TRON node whose answers a test chooses (stored
 * response shapes, errors, slowness), for what anvil behind the simulator cannot produce.
 */
export async function startTronHttpStub(
  answer: (request: TronHttpStubRequest) => TronHttpStubAnswer | Promise<TronHttpStubAnswer>,
): Promise<TronHttpStub> {
  const requests: TronHttpStubRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = { path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname, body: parseJson(text) };
      requests.push(request);
      Promise.resolve()
        .then(() => answer(request))
        .then(
          ({ status = 200, body, delayMs = 0 }) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              res.writeHead(status, { 'content-type': 'application/json' });
              res.end(typeof body === 'string' ? body : JSON.stringify(body));
            }, delayMs);
            timers.add(timer);
          },
          (error: unknown) => {
            // Surfaces in the client as a failed call, so a broken test setup cannot pass silently.
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(String(error));
          },
        );
    });
  });
  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    requests,
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      return listener.close();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // Recorded as no body: a test asserting on what was sent then fails.
    return undefined;
  }
}
