// Guards against a TRON scan that mixes two forks: a reorg between its block reads, its log reads
// or its HTTP API questions must fail the scan (which is retried), never report from both.
import { type Address, encodeFunctionData } from 'viem';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { callRpc } from '../../../../test/support/callRpc.ts';
import { startRpcProxy } from '../../../../test/support/startRpcProxy.ts';
import { startTronHttpStub } from '../../../../test/support/startTronHttpStub.ts';
import { startTronTestChain, TRON_TEST_XPUB, type TronTestChain } from '../../../../test/support/startTronTestChain.ts';
import type { Network } from '../../../core/network.ts';
import { ChainReorgedDuringScanError } from '../evm/ChainReorgedDuringScanError.ts';
import { deriveDepositAddress } from '../evm/deriveDepositAddress.ts';
import { kassaTestTokenAbi } from '../evm/kassaTestTokenArtifact.ts';
import { ANVIL_DEFAULT_ACCOUNT } from '../evm/startAnvil.ts';
import { createTronChainReader } from './createTronChainReader.ts';

let tron: TronTestChain;
let w0: `0x${string}`;

beforeAll(async () => {
  tron = await startTronTestChain();
  w0 = deriveDepositAddress(TRON_TEST_XPUB, 0).toLowerCase() as `0x${string}`;
});
afterAll(async () => tron?.stop());

function scan(network: Network, fromBlock: bigint, toBlock: bigint) {
  return createTronChainReader(network, { timeoutMs: 5_000 }).scanBlockRange({
    fromBlock,
    toBlock,
    isWatched: (address) => address === w0,
  });
}

/** The TRON test network with its JSON-RPC through a proxy that calls `beforeForward` first; stopped after the test. */
async function throughProxy(beforeForward: (method: string, params: unknown[]) => Promise<void>): Promise<Network> {
  const proxy = await startRpcProxy(async (request) => {
    await beforeForward(request.method, request.params ?? []);
    return tron.chain.rpcUrl;
  });
  onTestFinished(proxy.stop);
  return { ...tron.network, rpcUrls: [proxy.url] };
}

/** Pays deposit address 0 in USDT twice, in two blocks, and answers the head. */
async function payTwice(first: bigint, second: bigint): Promise<bigint> {
  await tron.payer.payToken(tron.chain.tokens.USDT, w0, first);
  return (await tron.payer.payToken(tron.chain.tokens.USDT, w0, second)).blockNumber;
}

describe('scanTronBlockRange across reorgs', () => {
  it('throws ChainReorgedDuringScanError when the chain reorganises between reading blocks and their logs', async () => {
    const head = await payTwice(11n, 12n);
    let hasReorged = false;
    const network = await throughProxy(async (method) => {
      if (method !== 'eth_getLogs' || hasReorged) return;
      // The last two blocks are replaced by one holding another payment, and an empty one: the
      // hashes the logs are asked by are gone, and the node answers an error for them, not [].
      const mint = encodeFunctionData({ abi: kassaTestTokenAbi, functionName: 'mint', args: [w0 as Address, 13n] });
      await callRpc(tron.chain.rpcUrl, 'anvil_reorg', [
        2,
        [[{ from: ANVIL_DEFAULT_ACCOUNT.address, to: tron.chain.tokens.USDT, data: mint, gas: '0x186a0' }, 0]],
      ]);
      hasReorged = true;
    });
    const result = scan(network, head - 1n, head);
    await expect(result).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    await expect(result).rejects.toMatchObject({ blockNumber: head - 1n });
    expect(hasReorged).toBe(true);
  });

  it('throws ChainReorgedDuringScanError when the block reads themselves straddle a reorg', async () => {
    const head = await payTwice(21n, 22n);
    let hasReorged = false;
    const network = await throughProxy(async (method, [blockNumber]) => {
      // The batch is forwarded one request at a time: reorg after the first block was read.
      if (method === 'eth_getBlockByNumber' && blockNumber === `0x${head.toString(16)}` && !hasReorged) {
        hasReorged = true;
        await callRpc(tron.chain.rpcUrl, 'anvil_reorg', [2, []]);
      }
    });
    await expect(scan(network, head - 1n, head)).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    expect(hasReorged).toBe(true);
  });

  it('throws when a TRX payment is reorganised away before the HTTP API is asked about it', async () => {
    const paid = await tron.payer.payNative(w0, 31n);
    // The HTTP API's node has already moved to a fork without the payment.
    const api = await startTronHttpStub(async ({ body }) => {
      await callRpc(tron.chain.rpcUrl, 'anvil_reorg', [1, []]);
      const simulator = tron.network.httpApiUrls?.[0] ?? '';
      const answer = await fetch(`${simulator}/wallet/gettransactionbyid`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      return { body: await answer.json() };
    });
    onTestFinished(api.stop);
    // TRX alone: USDT's logs, asked by the gone block's hash, would fail the scan first.
    const tokens = tron.network.tokens.filter((t) => t.contract === null);
    const network = { ...tron.network, tokens, httpApiUrls: [api.url] };
    await expect(scan(network, paid.blockNumber, paid.blockNumber)).rejects.toThrow(/does not know the transaction/);
    expect(api.requests.map((r) => r.body)).toEqual([{ value: paid.hash.slice(2) }]);
  });

  it('answers a node error for a block that is still canonical as that error, not as a reorg', async () => {
    const head = await payTwice(41n, 42n);
    const proxy = await startRpcProxy(async (request) =>
      // A node that fails eth_getLogs: the answer is not JSON-RPC, so the call fails.
      request.method === 'eth_getLogs' ? `${tron.network.httpApiUrls?.[0]}/no-such-path` : tron.chain.rpcUrl,
    );
    onTestFinished(proxy.stop);
    const result = scan({ ...tron.network, rpcUrls: [proxy.url] }, head - 1n, head);
    await expect(result).rejects.toThrow();
    await expect(result).rejects.not.toBeInstanceOf(ChainReorgedDuringScanError);
  });
});
