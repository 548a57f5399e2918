// Guards against phantom or misread payments: amounts, senders and log indexes decoded wrong, look-alike Transfer logs or reverted transfers counted.
import { type Address, concat, type Hex, pad } from 'viem';
import { describe, expect, it } from 'vitest';
import { useScanChain } from '../../../../test/support/useScanChain.ts';
import type { Network } from '../../../core/network.ts';
import { deriveTokenId } from './deriveTokenId.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { TRANSFER_TOPIC } from './parseTransferLog.ts';

const UNWATCHED = '0x00000000000000000000000000000000DeaDBeef' as const;

const s = useScanChain();

describe('scanBlockRange decoding', () => {
  it('decodes a watched token transfer exactly: amount above 2^64, sender, recipient, log index', async () => {
    const { wallet, chain } = s;
    const [, w1] = s.watched as [Address, Address];
    const { USDT, USDC } = chain.tokens;
    const amount = 2n ** 70n + 12_345n;
    await wallet.receiptOf(
      await wallet.writeContract({
        address: USDC,
        abi: kassaTestTokenAbi,
        functionName: 'mint',
        args: [chain.testAccount.address, amount],
        chain: null,
      }),
    );
    // An unwatched transfer first in the block, so the payment's log index is 1, not 0.
    await wallet.test.setAutomine(false);
    const noise = await wallet.sendToken(USDT, UNWATCHED, 1n);
    const paid = await wallet.sendToken(USDC, w1, amount);
    await wallet.test.mine({ blocks: 1 });
    await wallet.test.setAutomine(true);
    const receipt = await wallet.receiptOf(paid);
    expect((await wallet.receiptOf(noise)).blockNumber).toBe(receipt.blockNumber);

    const result = await s.scan(receipt.blockNumber - 1n, receipt.blockNumber);
    expect(result.transfers).toEqual([
      {
        networkKey: 'DEV',
        txid: paid,
        logIndex: 1,
        blockNumber: receipt.blockNumber,
        blockHash: receipt.blockHash,
        from: chain.testAccount.address.toLowerCase(),
        to: w1.toLowerCase(),
        contract: USDC.toLowerCase(),
        amount,
      },
    ]);
  });

  it('ignores ERC-721 Transfers and malformed Transfer logs of listed contracts, in a range and by hash', async () => {
    const { wallet, chain } = s;
    const [w0] = s.watched as [Address];
    // Listed "tokens" that emit whatever log their calldata spells; see logEmitterCode.
    const nft = '0x000000000000000000000000000000000000e721' as const;
    const odd = '0x00000000000000000000000000000000000000dd' as const;
    await wallet.test.setCode({ address: nft, bytecode: logEmitterCode(4) });
    await wallet.test.setCode({ address: odd, bytecode: logEmitterCode(3) });
    const network: Network = {
      ...chain.network,
      tokens: [...chain.network.tokens, listedToken(chain.network.key, nft), listedToken(chain.network.key, odd)],
    };
    const transferTo = (to: Address): Hex[] => [TRANSFER_TOPIC, pad(chain.testAccount.address), pad(to)];
    const emit = (to: Address, data: Hex) => wallet.sendTransaction({ to, data, gas: 100_000n, chain: null });

    await wallet.test.setAutomine(false);
    const oddHashes = [
      // ERC-721 Transfer of token id 42: same topic0, the id as a fourth topic, no data.
      await emit(nft, concat([...transferTo(w0), pad('0x2a')])),
      // Not an ERC-20 Transfer either with a 32-byte word of data: the fourth topic decides.
      await emit(nft, concat([...transferTo(w0), pad('0x2b'), pad('0x01')])),
      await emit(odd, concat([...transferTo(w0), pad('0x05'), pad('0x06')])),
      await emit(odd, concat([...transferTo(w0), '0x05'])),
    ];
    await wallet.test.mine({ blocks: 1 });
    await wallet.test.setAutomine(true);
    // The next block holds a well-formed one, so an empty result cannot come from unseen logs.
    const good = await emit(odd, concat([...transferTo(w0), pad('0x07')]));
    const oddReceipts = await Promise.all(oddHashes.map(wallet.receiptOf));
    for (const receipt of oddReceipts) expect(receipt.logs).toHaveLength(1);
    const oddBlock = (oddReceipts[0] as (typeof oddReceipts)[number]).blockNumber;
    expect(oddReceipts.map((r) => r.blockNumber)).toEqual(oddReceipts.map(() => oddBlock));
    const goodReceipt = await wallet.receiptOf(good);
    expect(goodReceipt.blockNumber).toBe(oddBlock + 1n);

    const range = await s.scan(oddBlock, oddBlock + 1n, { network });
    expect(range.transfers.map((t) => [t.txid, t.contract, t.amount])).toEqual([[good, odd, 7n]]);
    const single = await s.scan(oddBlock, oddBlock, { network });
    expect(single.transfers).toEqual([]);
  });

  it('leaves out a native transfer whose transaction reverted', async () => {
    // The token contract has no receive function, so sending it ether reverts; watch it to see.
    const { USDC } = s.chain.tokens;
    const hash = await s.wallet.sendTransaction({ to: USDC, value: 1n, gas: 100_000n, chain: null });
    const receipt = await s.wallet.receiptOf(hash);
    expect(receipt.status).toBe('reverted');
    const result = await s.scan(receipt.blockNumber, receipt.blockNumber, { watched: [USDC] });
    expect(result.transfers).toEqual([]);
  });
});

function listedToken(networkKey: string, contract: Address): Network['tokens'][number] {
  const symbol = `T${contract.slice(-4)}`;
  const tokenId = deriveTokenId(networkKey, contract);
  return { tokenId, networkKey, symbol, name: symbol, contract, decimals: 18, isStable: false };
}

/**
 * Runtime code of a contract emitting one log with `topicCount` topics: the first calldata words
 * are the topics, the rest is the data. Hand-assembled, because no real token can be made to emit
 * an ERC-721 Transfer or a Transfer with odd data, and the repo compiles only KassaTestToken.
 */
function logEmitterCode(topicCount: 3 | 4): Hex {
  const byte = (n: number) => n.toString(16).padStart(2, '0');
  const topicsSize = byte(topicCount * 32);
  // The last topic first, so topic 0 ends up on top of the stack.
  const pushTopics = Array.from({ length: topicCount }, (_, i) => `60${byte((topicCount - 1 - i) * 32)}35`);
  return `0x${[
    ...pushTopics, // PUSH1 offset, CALLDATALOAD
    `60${topicsSize}3603`, // PUSH1 topicsSize, CALLDATASIZE, SUB: the data size
    '80', // DUP1
    `60${topicsSize}600037`, // PUSH1 topicsSize, PUSH1 0, CALLDATACOPY: data to memory 0
    '6000', // PUSH1 0: memory offset
    byte(0xa0 + topicCount), // LOG3 / LOG4
    '00', // STOP
  ].join('')}`;
}
