// Risk: the websocket client loses heads, hammers a dead node instead of backing off, hangs calls while down, or never reconnects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadEvent } from '../../../core/ChainReader.ts';
import { createRpcSocket } from './createRpcSocket.ts';
import { type StartAnvilReturnType, startAnvil } from './startAnvil.ts';

let anvil: StartAnvilReturnType;
beforeAll(async () => {
  anvil = await startAnvil();
});
afterAll(async () => anvil?.stop());

const wsUrl = () => `ws://127.0.0.1:${anvil.port}`;
const mine = (blocks: number) =>
  fetch(anvil.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_mine', params: [`0x${blocks.toString(16)}`] }),
  });

async function waitUntil(isDone: () => boolean, what: string): Promise<void> {
  const deadlineMs = performance.now() + 10_000;
  while (!isDone()) {
    if (performance.now() > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('createRpcSocket', () => {
  it('answers calls, and a JSON-RPC error keeps its code', async () => {
    const socket = createRpcSocket(wsUrl());
    expect(await socket.request('eth_chainId')).toBe(`0x${anvil.chainId.toString(16)}`);
    await expect(socket.request('eth_getBlockByNumber', ['not-a-block', false])).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('reports every announced head; backs off doubling while the node is down; subscribes again when it is back', async () => {
    const socket = createRpcSocket(wsUrl(), { initialBackoffMs: 20, maxBackoffMs: 100 });
    const events: HeadEvent[] = [];
    const stop = new AbortController();
    socket.watchHeads((event) => events.push(event), stop.signal);
    await waitUntil(() => events.length === 1, 'the subscription');
    const start = Number(await socket.request('eth_blockNumber'));
    await mine(3);
    await waitUntil(() => events.length === 4, 'three heads');
    expect(events).toEqual([
      { kind: 'up' },
      ...[1, 2, 3].map((n) => ({ kind: 'head', blockNumber: BigInt(start + n) })),
    ]);

    await anvil.stop();
    const downs = () => events.filter((e) => e.kind === 'down');
    await waitUntil(() => downs().length >= 5, 'five failed reconnects');
    expect(
      downs()
        .slice(0, 5)
        .map((e) => (e.kind === 'down' ? e.retryInMs : 0)),
    ).toEqual([20, 40, 80, 100, 100]);
    // Down: a call fails at once (a fallback transport moves on), rather than waiting for a timeout.
    const askedAtMs = performance.now();
    await expect(socket.request('eth_blockNumber')).rejects.toThrow(/is down; reconnecting/);
    expect(performance.now() - askedAtMs).toBeLessThan(50);

    anvil = await startAnvil({ port: anvil.port });
    await waitUntil(() => events.at(-1)?.kind === 'up', 'the subscription after the restart');
    const seen = events.length;
    await mine(1);
    await waitUntil(() => events.length === seen + 1, 'a head after the restart');
    expect(events.at(-1)?.kind).toBe('head');

    stop.abort();
    await mine(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(events.length).toBe(seen + 1);
  });
});
