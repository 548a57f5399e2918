// Risk: the sweep's viem client, built on our RPC endpoints instead of viem's fetch transport, sees errors viem's retries and fallback do not know.
import { HttpRequestError, RpcRequestError, TimeoutError } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJsonRpcStub } from '../../../../test/support/startJsonRpcStub.ts';
import { createHttpRpcEndpoint } from './createHttpRpcEndpoint.ts';
import { toViemTransport } from './toViemTransport.ts';

let node: Awaited<ReturnType<typeof startJsonRpcStub>>;
beforeAll(async () => {
  node = await startJsonRpcStub();
});
afterAll(() => node.close());

/** The transport as viem uses it, with viem's retries off so each failure shows once. */
function connect(timeoutMs = 2_000) {
  const transport = toViemTransport(
    createHttpRpcEndpoint(node.url, { batchSize: 100, timeoutMs, maxResponseBytes: 10_000 }),
  );
  const { request } = transport({ retryCount: 0 });
  return (method: string, ...params: unknown[]) => request({ method, params }) as Promise<unknown>;
}

describe('toViemTransport', () => {
  it("answers with the node's result and turns its error into viem's RPC error of that code", async () => {
    node.mode = 'echo';
    await expect(connect()('eth_getBalance', '0xab')).resolves.toBe('eth_getBalance(0xab)');
    node.mode = 'rpc-error';
    const error = await connect()('eth_foo').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MethodNotFoundRpcError', code: -32601, details: 'no eth_foo' });
    expect((error as Error).cause).toBeInstanceOf(RpcRequestError);
  });

  it("fails with viem's HttpRequestError (a body too large among them) and TimeoutError", async () => {
    node.mode = 'bad-gateway';
    const broken = await connect()('eth_blockNumber').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(HttpRequestError);
    expect(broken).toMatchObject({ status: 502, url: node.url });
    node.mode = 'hang';
    await expect(connect(200)('eth_blockNumber')).rejects.toBeInstanceOf(TimeoutError);
    node.mode = 'huge';
    const huge = await connect()('eth_blockNumber').catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(HttpRequestError);
    expect((huge as HttpRequestError).details).toContain('body larger than 10000 bytes');
  });
});
