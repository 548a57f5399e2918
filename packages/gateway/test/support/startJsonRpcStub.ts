import { type ReceiverAnswer, startWebhookReceiver } from './startWebhookReceiver.ts';

export type JsonRpcCall = { readonly id: number; readonly method: string; readonly params: unknown[] };

/** How the stub answers: `echo` gives each call `method(params)` as its result. */
export type JsonRpcStubMode = 'echo' | 'rpc-error' | 'refuse-batch' | 'hang' | 'huge' | 'bad-gateway';

/**
 * A JSON-RPC node on loopback (a real HTTP server, `startWebhookReceiver`) whose behaviour a test
 * switches (`stub.mode = …`); it keeps every body it was sent, and answers a batch's replies in
 * reverse order, as nodes may.
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
  const answer = (body: JsonRpcCall | JsonRpcCall[]): ReceiverAnswer => {
    if (stub.mode === 'hang') return 'hang';
    if (stub.mode === 'huge') return { status: 200, body: `"${'x'.repeat(100_000)}"` };
    if (stub.mode === 'bad-gateway') return { status: 502, body: '<html>bad gateway</html>' };
    if (stub.mode === 'refuse-batch')
      return {
        status: 200,
        body: JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'too big' } }),
      };
    return { status: 200, body: JSON.stringify(Array.isArray(body) ? body.map(reply).reverse() : reply(body)) };
  };
  const receiver = await startWebhookReceiver((_path, rawBody) => {
    const body = JSON.parse(rawBody.toString('utf8')) as JsonRpcCall | JsonRpcCall[];
    stub.bodies.push(body);
    return answer(body);
  });
  return Object.assign(stub, { url: receiver.baseUrl, close: () => receiver.close() });
}
