// Guards against misreading java-tron's JSON-RPC blocks: a wrong height, hash or parent (a missed
// reorg), a TRX candidate with the wrong recipient or amount, or junk from a node read as a block.
import { describe, expect, it } from 'vitest';
import { readTronRpcResult } from '../../../../test/fixtures/tron/readTronFixture.ts';
import { parseTronBlock } from './parseTronBlock.ts';

const BLOCK = {
  number: 77_853_377n,
  hash: '0x0000000004a3f2c18672b378f76ec641d3acbe18bdfc8ce9b495e23716f1fec1',
  parentHash: '0x0000000004a3f2c08a96b19b741de1e4dca9ac0b94cebccc1982d9d00cd72c08',
} as const;

const DEPOSIT = '0x683c370ddd3967423a98f7b99759ef85047810a8';

/** The stored full block, to be broken in one place by a test. */
function fullBlock(): { transactions: Record<string, unknown>[] } & Record<string, unknown> {
  return readTronRpcResult('eth_getBlockByNumber-full') as never;
}

describe('parseTronBlock', () => {
  it('reads a block with its transactions: each contract type as JSON-RPC shows it', () => {
    expect(parseTronBlock(fullBlock())).toEqual({
      ...BLOCK,
      transactions: [
        // TransferContract: 50 TRX in sun.
        {
          hash: '0x44cfdb829a6135a6d0dba3719b8c558fcbd90f27eee1439f89bdcf52dc33303d',
          from: '0xbda0a230ad2bef4730fb880b91fcb4153867efcb',
          to: DEPOSIT,
          value: 50_000_000n,
        },
        // TriggerSmartContract: the USDT contract is `to`, the recipient only in the calldata and the log.
        {
          hash: '0x0f95075b0a9faf27740f6323e8babb54223ad47c8b248f97f99c319c9313f8c0',
          from: '0x57ffde7d118a9a43ddcc638e4f77b9e9456963fa',
          to: '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c',
          value: 0n,
        },
        // TransferAssetContract: 1,000 units of a TRC-10 token, indistinguishable here from 1,000 sun.
        {
          hash: '0xccdc30dee6e082e01b1d0be4a73c2b57acca9fdb3029b5f297e667597d354030',
          from: '0x79eb714265fa7b6aaea3ba5d7cdf0ce49ac280df',
          to: DEPOSIT,
          value: 1_000n,
        },
        // FreezeBalanceV2Contract names no recipient: java-tron writes `to: null`.
        {
          hash: '0x33532cf91521cfb3b23d233035bd477f31c122f65e4057ed7444be25bacff92f',
          from: '0x1fbfe97851a4dfe96204f91c669a819997334c0c',
          to: null,
          value: 0n,
        },
      ],
    });
  });

  it('reads a block asked for without transactions: the txids are skipped', () => {
    expect(parseTronBlock(readTronRpcResult('eth_getBlockByNumber-hashes'))).toEqual({ ...BLOCK, transactions: [] });
  });

  it('answers null for a block the node does not have', () => {
    expect(parseTronBlock(null)).toBeNull();
  });

  it('lower-cases hashes and addresses a node writes in upper case, so they compare with held ones', () => {
    const raw = fullBlock();
    raw.hash = BLOCK.hash.toUpperCase().replace('0X', '0x');
    const [first] = raw.transactions as [Record<string, unknown>];
    first.to = DEPOSIT.toUpperCase().replace('0X', '0x');
    const block = parseTronBlock(raw);
    expect(block?.hash).toBe(BLOCK.hash);
    expect(block?.transactions[0]?.to).toBe(DEPOSIT);
  });

  it('keeps amounts past 2^53 exact', () => {
    const raw = fullBlock();
    (raw.transactions[0] as Record<string, unknown>).value = '0x20000000000001';
    expect(parseTronBlock(raw)?.transactions[0]?.value).toBe(2n ** 53n + 1n);
  });

  it.each([
    ['a block that is not an object', () => '0x4a3f2c1', /TRON block: not an object/],
    ['an array', () => [], /TRON block: not an object/],
    ['no transactions', () => ({ ...fullBlock(), transactions: undefined }), /transactions is not an array/],
    ['a number that is not hex', () => ({ ...fullBlock(), number: 77_853_377 }), /TRON block: number is 77853377/],
    ['a hash of 31 bytes', () => ({ ...fullBlock(), hash: `0x${'ab'.repeat(31)}` }), /TRON block: hash is/],
    ['no parentHash', () => ({ ...fullBlock(), parentHash: undefined }), /TRON block: parentHash is undefined/],
    ['an empty number', () => ({ ...fullBlock(), number: '0x' }), /TRON block: number is "0x"/],
  ])('throws a clear error on %s', (_, raw, message) => {
    expect(() => parseTronBlock(raw())).toThrow(message);
  });

  it.each([
    ['a transaction that is not an object', null, /TRON transaction: not an object/],
    ['a 21-byte recipient with the 41 prefix', { to: `0x41${DEPOSIT.slice(2)}` }, /TRON transaction: to is/],
    ['a value in decimal', { value: '50000000' }, /TRON transaction: value is "50000000"/],
    ['no sender', { from: undefined }, /TRON transaction: from is undefined/],
    ['a txid without 0x', { hash: '44cfdb829a6135a6d0dba3719b8c558fcbd90f27eee1439f89bdcf52dc33303d' }, /hash is/],
  ])('throws a clear error on %s', (_, change, message) => {
    const raw = fullBlock();
    raw.transactions[0] = change === null ? (null as never) : { ...raw.transactions[0], ...change };
    expect(() => parseTronBlock(raw)).toThrow(message);
  });
});
