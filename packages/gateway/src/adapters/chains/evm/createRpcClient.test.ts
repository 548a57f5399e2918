// Risk: one dead or broken RPC node stops the watcher although the network names another that answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJsonRpcStub } from '../../../../test/support/startJsonRpcStub.ts';
import { SYNTHETIC_NETWORK } from '../../../../test/support/syntheticNetwork.ts';
import { createRpcClient } from './createRpcClient.ts';
import { RpcCallError } from './RpcCallError.ts';

let first: Awaited<ReturnType<typeof startJsonRpcStub>>;
let second: Awaited<ReturnType<typeof startJsonRpcStub>>;
beforeAll(async () => {
  [first, second] = await Promise.all([startJsonRpcStub(), startJsonRpcStub()]);
});
afterAll(() => Promise.all([first.close(), second.close()]));

const connect = () => createRpcClient({ ...SYNTHETIC_NETWORK, rpcUrls: [first.url, second.url] }, { timeoutMs: 1_000 });

describe('createRpcClient', () => {
  it('asks the first URL, and the next when it fails', async () => {
    first.mode = 'echo';
    second.mode = 'echo';
    const client = connect();
    const [askedFirst, askedSecond] = [first.bodies.length, second.bodies.length];
    await expect(client.request({ method: 'eth_chainId' })).resolves.toBe('eth_chainId()');
    expect([first.bodies.length - askedFirst, second.bodies.length - askedSecond]).toEqual([1, 0]);
    first.mode = 'bad-gateway';
    await expect(client.request({ method: 'eth_getLogs', params: [7] })).resolves.toBe('eth_getLogs(7)');
    expect(second.bodies.at(-1)).toMatchObject({ method: 'eth_getLogs', params: [7] });
  });

  it('goes round every URL three times, pausing between rounds, then throws the last failure', async () => {
    first.mode = 'bad-gateway';
    second.mode = 'rpc-error';
    const [askedFirst, askedSecond] = [first.bodies.length, second.bodies.length];
    const startedAt = performance.now();
    const error = await connect()
      .request({ method: 'eth_blockNumber' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect(error).toMatchObject({ kind: 'rpc', code: -32601, url: second.url });
    expect([first.bodies.length - askedFirst, second.bodies.length - askedSecond]).toEqual([3, 3]);
    // 150 ms before the second round, 300 ms before the third.
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(440);
  });
});
