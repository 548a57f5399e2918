// Guards against a TRON reader that counts payments too early or watches the wrong chain: a wrong
// final block, a head or block misread, or a configuration it cannot serve accepted silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../../../test/support/callRpc.ts';
import { startTronTestChain, type TronTestChain } from '../../../../test/support/startTronTestChain.ts';
import type { Network } from '../../../core/network.ts';
import { createTronChainReader } from './createTronChainReader.ts';

let tron: TronTestChain;

// startTronTestChain runs anvil with --slots-in-an-epoch 1: its `finalized` block is 2 behind the head.
beforeAll(async () => {
  tron = await startTronTestChain();
});
afterAll(async () => tron?.stop());

/** anvil's own view of a block, by number or tag. */
async function anvilBlock(tag: string): Promise<{ number: string; hash: string; parentHash: string }> {
  return (await callRpc(tron.chain.rpcUrl, 'eth_getBlockByNumber', [tag, false])) as never;
}

describe('createTronChainReader on anvil behind the TRON API simulator', () => {
  it('reads the head as the node reports it', async () => {
    await tron.payer.mine(1);
    const latest = await anvilBlock('latest');
    expect(await createTronChainReader(tron.network).getHead()).toEqual({
      blockNumber: BigInt(latest.number),
      blockHash: latest.hash,
      parentHash: latest.parentHash,
    });
  });

  it("reads the final block as the node's `finalized` one: two behind the head after mining", async () => {
    const reader = createTronChainReader(tron.network);
    await tron.payer.mine(5);
    const head = (await reader.getHead()).blockNumber;
    expect(await reader.getFinalizedBlockNumber?.()).toBe(head - 2n);
    await tron.payer.mine(3);
    expect(await reader.getFinalizedBlockNumber?.()).toBe(head + 1n);
  });

  it('reads a block by number, and null above the head', async () => {
    const reader = createTronChainReader(tron.network);
    const head = await reader.getHead();
    const parent = await anvilBlock(`0x${(head.blockNumber - 1n).toString(16)}`);
    expect(await reader.getBlock(head.blockNumber - 1n)).toEqual({
      blockNumber: head.blockNumber - 1n,
      blockHash: parent.hash,
      parentHash: parent.parentHash,
    });
    expect(await reader.getBlock(head.blockNumber)).toEqual(head);
    expect(await reader.getBlock(head.blockNumber + 1n)).toBeNull();
  });

  it('offers no head subscription: java-tron has no websocket newHeads, the head is polled', () => {
    expect(createTronChainReader(tron.network).watchHeads).toBeUndefined();
  });

  it.each([['ws://127.0.0.1:8546'], ['WSS://tron.example/jsonrpc']])('refuses a %s RPC URL at creation', (url) => {
    const network: Network = { ...tron.network, rpcUrls: [...tron.network.rpcUrls, url] };
    expect(() => createTronChainReader(network)).toThrow(
      `network ${tron.network.key}: TRON nodes serve JSON-RPC over HTTP only, not websockets`,
    );
  });

  it('refuses a network without an HTTP API URL at creation', () => {
    const { httpApiUrls: _, ...withoutHttpApi } = tron.network;
    expect(() => createTronChainReader(withoutHttpApi)).toThrow('a TRON network needs at least one HTTP API URL');
    expect(() => createTronChainReader({ ...tron.network, httpApiUrls: [] })).toThrow(/at least one HTTP API URL/);
  });

  it('passes the HTTP API it is given for TRX checks instead of making one', async () => {
    const asked: string[] = [];
    const { httpApiUrls: _, ...withoutHttpApi } = tron.network;
    const reader = createTronChainReader(withoutHttpApi, {
      httpApi: {
        getTransactionById: async (txid) => {
          asked.push(txid);
          const simulator = tron.network.httpApiUrls?.[0] ?? '';
          const answer = await fetch(`${simulator}/wallet/gettransactionbyid`, {
            method: 'POST',
            body: JSON.stringify({ value: txid.replace(/^0x/, '') }),
          });
          return answer.json();
        },
      },
    });
    const to = '0x683c370ddd3967423a98f7b99759ef85047810a8';
    const paid = await tron.payer.payNative(to, 5n);
    const result = await reader.scanBlockRange({
      fromBlock: paid.blockNumber,
      toBlock: paid.blockNumber,
      isWatched: (address) => address === to,
    });
    expect(result.transfers.map((t) => [t.txid, t.amount])).toEqual([[paid.hash, 5n]]);
    expect(asked).toEqual([paid.hash]);
  });
});
