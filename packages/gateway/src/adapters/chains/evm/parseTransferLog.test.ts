// Guards against phantom or misread payments from raw logs: an NFT transfer or an odd log taken for a token payment, or an amount, sender or position decoded wrong.
import { type Hex, pad, type RpcLog, toEventSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { parseTransferLog, TRANSFER_TOPIC } from './parseTransferLog.ts';

const WATCHED = '0x00000000000000000000000000000000000abcde' as const;
const SENDER = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' as const;
const CONTRACT = '0xdAC17F958D2ee523a2206206994597C13D831ec7' as const;
const AMOUNT = 2n ** 200n + 123_456_789n;

function isWatched(address: string) {
  return address === WATCHED;
}

/** A raw eth_getLogs entry as a node writes it: an ERC-20 Transfer of AMOUNT to WATCHED. */
function rawLog(overrides: Partial<RpcLog> = {}): RpcLog {
  return {
    address: CONTRACT,
    topics: [TRANSFER_TOPIC, pad(SENDER), pad(WATCHED)],
    data: pad(`0x${AMOUNT.toString(16)}`),
    blockNumber: '0x1234567',
    blockHash: `0x${'b1'.repeat(32)}`,
    logIndex: '0x1f',
    transactionHash: `0x${'7a'.repeat(32)}`,
    transactionIndex: '0x3',
    removed: false,
    ...overrides,
  };
}

describe('parseTransferLog', () => {
  it('decodes a transfer to a watched address exactly, above 2^64 and with lower-cased addresses', () => {
    expect(parseTransferLog(rawLog(), 'ETH', isWatched)).toEqual({
      networkKey: 'ETH',
      txid: `0x${'7a'.repeat(32)}`,
      logIndex: 31,
      blockNumber: 0x1234567n,
      blockHash: `0x${'b1'.repeat(32)}`,
      from: SENDER,
      to: WATCHED,
      contract: CONTRACT.toLowerCase(),
      amount: AMOUNT,
    });
  });

  it('reads the recipient from the last 20 bytes of topic 2, in lower case, before asking isWatched', () => {
    const seen: string[] = [];
    const upperCaseTopic = `0x${'0'.repeat(24)}${'ABCDEF0123'.repeat(4)}` as Hex;
    const result = parseTransferLog(rawLog({ topics: [TRANSFER_TOPIC, pad(SENDER), upperCaseTopic] }), 'ETH', (a) => {
      seen.push(a);
      return false;
    });
    expect(result).toBeNull();
    expect(seen).toEqual([`0x${'abcdef0123'.repeat(4)}`]);
  });

  it('returns null for a transfer to an unwatched address', () => {
    expect(parseTransferLog(rawLog({ topics: [TRANSFER_TOPIC, pad(WATCHED), pad(SENDER)] }), 'ETH', isWatched)).toBe(
      null,
    );
  });

  it('ignores an ERC-721 Transfer (token id as a fourth topic, no data) to a watched address', () => {
    const nft = rawLog({ topics: [TRANSFER_TOPIC, pad(SENDER), pad(WATCHED), pad('0x2a')], data: '0x' });
    expect(parseTransferLog(nft, 'ETH', isWatched)).toBeNull();
    // Even with a 32-byte word of data the fourth topic alone disqualifies it.
    expect(parseTransferLog({ ...nft, data: pad('0x2a') }, 'ETH', isWatched)).toBeNull();
  });

  it.each([
    ['empty', '0x'],
    ['31 bytes', `0x${'01'.repeat(31)}`],
    ['33 bytes', `0x${'01'.repeat(33)}`],
    ['two words', `0x${'00'.repeat(31)}01${'00'.repeat(31)}02`],
  ] as const)('ignores a watched Transfer whose data is not one 32-byte word (%s)', (_, data) => {
    expect(parseTransferLog(rawLog({ data: data as Hex }), 'ETH', isWatched)).toBeNull();
  });

  it('ignores a Transfer with two topics (from and to not indexed) and a log of another event', () => {
    expect(parseTransferLog(rawLog({ topics: [TRANSFER_TOPIC, pad(WATCHED)] }), 'ETH', isWatched)).toBeNull();
    const approval = '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925' as const;
    expect(parseTransferLog(rawLog({ topics: [approval, pad(SENDER), pad(WATCHED)] }), 'ETH', isWatched)).toBeNull();
  });

  it('ignores a removed log', () => {
    expect(parseTransferLog(rawLog({ removed: true }), 'ETH', isWatched)).toBeNull();
  });

  it('throws on a pending log to a watched address rather than dropping the payment', () => {
    expect(() => parseTransferLog(rawLog({ blockHash: null, blockNumber: null }), 'ETH', isWatched)).toThrow(/pending/);
  });

  it('uses the Transfer selector of ERC-20', () => {
    expect(TRANSFER_TOPIC).toBe(toEventSelector('Transfer(address,address,uint256)'));
  });
});
