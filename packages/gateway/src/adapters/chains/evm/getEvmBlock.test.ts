// Risk: a malformed block from a broken or hostile RPC node becomes the watcher's cursor or a payment.
import { describe, expect, it } from 'vitest';
import type { RpcClient } from './createRpcClient.ts';
import { getEvmBlock, parseEvmBlock } from './getEvmBlock.ts';

const hash = (digit: string) => `0x${digit.repeat(64)}`;
const TRANSFER = {
  hash: hash('d'),
  from: `0x${'1'.repeat(40)}`,
  to: `0x${'2'.repeat(40)}`,
  value: '0xde0b6b3a7640000',
};
const BLOCK = {
  number: '0x1b4',
  hash: hash('a'),
  parentHash: hash('b'),
  logsBloom: `0x${'0'.repeat(512)}`,
  transactions: [hash('c'), TRANSFER, { hash: hash('e'), from: `0x${'1'.repeat(40)}`, to: null, value: '0x0' }],
};

describe('getEvmBlock', () => {
  it('asks for the block by quantity or tag and reads its numbers as bigints', async () => {
    const calls: unknown[] = [];
    const rpc: RpcClient = {
      request: async (call) => {
        calls.push(call);
        return call.params?.[0] === '0x1b4' || call.params?.[0] === 'latest' ? BLOCK : null;
      },
    };
    const block = await getEvmBlock(rpc, 436n, true);
    expect(calls[0]).toEqual({ method: 'eth_getBlockByNumber', params: ['0x1b4', true] });
    expect(block).toMatchObject({ number: 436n, hash: hash('a'), parentHash: hash('b') });
    expect(block?.transactions).toEqual([
      hash('c'),
      { hash: hash('d'), from: `0x${'1'.repeat(40)}`, to: `0x${'2'.repeat(40)}`, value: 10n ** 18n },
      { hash: hash('e'), from: `0x${'1'.repeat(40)}`, to: null, value: 0n },
    ]);
    expect((await getEvmBlock(rpc, 'latest'))?.number).toBe(436n);
    await expect(getEvmBlock(rpc, 437n)).resolves.toBeNull();
  });

  it.each([
    ['a number that is not hex', { number: 436 }, 'number is not a hex quantity'],
    ['a short hash', { hash: '0xabc' }, 'hash is malformed'],
    ['no parent hash', { parentHash: undefined }, 'parentHash is malformed'],
    ['no transaction list', { transactions: 'none' }, 'has no transaction list'],
    ['a value that is not hex', { transactions: [{ ...TRANSFER, value: '1e18' }] }, 'value is not'],
    ['a bad recipient', { transactions: [{ ...TRANSFER, to: '0x12' }] }, 'transaction 0 to is malformed'],
  ])('refuses %s, naming the field', (_name, change, message) => {
    expect(() => parseEvmBlock({ ...BLOCK, ...change }, 'block 0x1b4')).toThrow(message);
  });
});
