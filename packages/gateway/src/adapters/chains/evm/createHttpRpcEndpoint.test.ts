// Risk: the watcher's RPC reads lose their batching, mix up answers, or hang on a node that does not answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJsonRpcStub } from '../../../../test/support/startJsonRpcStub.ts';
import { createHttpRpcEndpoint } from './createHttpRpcEndpoint.ts';
import { RpcCallError } from './RpcCallError.ts';

let node: Awaited<ReturnType<typeof startJsonRpcStub>>;
beforeAll(async () => {
  node = await startJsonRpcStub();
});
afterAll(() => node.close());

const connect = (options: { batchSize?: number; timeoutMs?: number } = {}) =>
  createHttpRpcEndpoint(node.url, {
    batchSize: options.batchSize ?? 100,
    timeoutMs: options.timeoutMs ?? 2_000,
    maxResponseBytes: 10_000,
  });

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => expect.fail('the call succeeded'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(RpcCallError);
      return error as RpcCallError;
    },
  );

describe('createHttpRpcEndpoint', () => {
  it('sends the calls of one turn as one batch, split at the batch size, and matches replies by id', async () => {
    node.mode = 'echo';
    const endpoint = connect({ batchSize: 3 });
    const before = node.bodies.length;
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => endpoint.request('eth_getBlockByNumber', [n])));
    expect(results).toEqual([1, 2, 3, 4, 5].map((n) => `eth_getBlockByNumber(${n})`));
    expect(node.bodies.slice(before).map((body) => (Array.isArray(body) ? body.length : 1))).toEqual([3, 2]);
    // A lone call goes as a plain request, which every node accepts.
    await expect(endpoint.request('eth_blockNumber')).resolves.toBe('eth_blockNumber()');
    expect(Array.isArray(node.bodies.at(-1))).toBe(false);
  });

  it("rejects with the node's JSON-RPC error, per call and for a whole refused batch", async () => {
    const endpoint = connect();
    node.mode = 'rpc-error';
    const error = await failureOf(endpoint.request('eth_foo'));
    expect(error).toMatchObject({ kind: 'rpc', code: -32601, url: node.url });
    expect(error.rpcError).toEqual({ code: -32601, message: 'no eth_foo' });
    expect(error.message).toBe(`RPC ${new URL(node.url).host}: no eth_foo (-32601)`);
    node.mode = 'refuse-batch';
    const both = await Promise.all([failureOf(endpoint.request('eth_a')), failureOf(endpoint.request('eth_b'))]);
    expect(both.map((e) => e.code)).toEqual([-32600, -32600]);
  });

  it('names an answer that is not JSON-RPC, no answer in time, and a body past the limit', async () => {
    node.mode = 'bad-gateway';
    const broken = await failureOf(connect().request('eth_blockNumber'));
    expect(broken).toMatchObject({ kind: 'http', status: 502, code: null });
    expect(broken.message).toContain('HTTP 502');
    node.mode = 'hang';
    const startedAt = performance.now();
    expect((await failureOf(connect({ timeoutMs: 200 }).request('eth_blockNumber'))).kind).toBe('timeout');
    expect(performance.now() - startedAt).toBeLessThan(1_500);
    node.mode = 'huge';
    expect((await failureOf(connect().request('eth_blockNumber'))).kind).toBe('too_large');
  });
});
