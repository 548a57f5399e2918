import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from '../../src/adapters/http/listenOnLoopback.ts';

export type JsonRpcRequest = { jsonrpc: '2.0'; id: number; method: string; params?: unknown[] };

/**
 * A real JSON-RPC hop on 127.0.0.1 that forwards each request (batches split apart) to the node
 * `route` picks, so a test can put a real reorg or a real second node between two reads.
 */
export async function startRpcProxy(
  route: (request: JsonRpcRequest) => Promise<string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const forward = async (raw: string): Promise<string> => {
    const body = JSON.parse(raw) as JsonRpcRequest | JsonRpcRequest[];
    const requests = Array.isArray(body) ? body : [body];
    const answers: unknown[] = [];
    for (const request of requests) {
      const upstream = await fetch(await route(request), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      answers.push(await upstream.json());
    }
    return JSON.stringify(Array.isArray(body) ? answers : answers[0]);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      forward(Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          res.setHeader('content-type', 'application/json');
          res.end(answer);
        },
        (error: unknown) => {
          // Surfaces as a transport error in the scan, so a broken test setup cannot pass silently.
          res.statusCode = 500;
          res.end(String(error));
        },
      );
    });
  });
  const listener = await listenOnLoopback(server);
  return { url: listener.url, stop: listener.close };
}
