import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../src/adapters/http/listenOnLoopback.ts';

export type ScriptedRequest = { readonly headers: IncomingHttpHeaders; readonly body: string };

/**
 * A loopback HTTP server whose every answer the test writes (`answer` gets the request read whole
 * and the raw response, and may leave it hanging); it keeps what it was sent, in order.
 */
export async function startScriptedHttpServer(
  answer: (request: ScriptedRequest, response: ServerResponse) => void,
): Promise<{ url: string; requests: ScriptedRequest[]; close(): Promise<void> }> {
  const requests: ScriptedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      answer(request, res);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}
