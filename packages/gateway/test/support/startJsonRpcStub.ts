import type { ServerResponse } from 'node:http';
import { startScriptedHttpServer } from './startScriptedHttpServer.ts';

export type JsonRpcCall = { readonly id: number; readonly method: string; readonly params: unknown[] };

/** How the stub answers: `echo` gives each call `method(params)` as its result. */
export type JsonRpcStubMode = 'echo' | 'rpc-error' | 'refuse-batch' | 'hang' | 'huge' | 'bad-gateway';

/**
 * A JSON-RPC node on loopback whose behaviour a test switches (`stub.mode = …`); it keeps every
 * HTTP body it was sent, and answers a batch's replies in reverse order, as nodes may.
 */
export async function startJsonRpcStub() {
  const stub = {
    mode: 'echo' as JsonRpcStubMode,
    /** Each HTTP request's body: one call, or a batch. */
    bodies: [] as (JsonRpcCall | JsonRpcCall[])[],
  };
  const reply = (call: JsonRpcCall) =>
    stub.mode === 'rpc-error'
      ? { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: `no ${call.method}` } }
      : { jsonrpc: '2.0', id: call.id, result: `${call.method}(${call.params.join(',')})` };
  const answer = (body: JsonRpcCall | JsonRpcCall[], response: ServerResponse) => {
    if (stub.mode === 'hang') return;
    if (stub.mode === 'huge') return void response.end(`"${'x'.repeat(100_000)}"`);
    if (stub.mode === 'bad-gateway') return void response.writeHead(502).end('<html>bad gateway</html>');
    if (stub.mode === 'refuse-batch')
      return void response.end(
        JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'too big' } }),
      );
    response.end(JSON.stringify(Array.isArray(body) ? body.map(reply).reverse() : reply(body)));
  };
  const server = await startScriptedHttpServer((request, response) => {
    const body = JSON.parse(request.body) as JsonRpcCall | JsonRpcCall[];
    stub.bodies.push(body);
    answer(body, response);
  });
  return Object.assign(stub, { url: server.url, close: () => server.close() });
}
