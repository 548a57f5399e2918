// Guards against missed or phantom payments: transfers to watched addresses lost, others reported, or a reorg mid-scan mixing two forks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Address,
  concat,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  type Hash,
  type Hex,
  http,
  pad,
  parseEther,
  publicActions,
  walletActions,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../../test/fixtures/devChain.ts';
import type { Network, Transfer } from '../../../core/network.ts';
import { ChainReorgedDuringScanError } from './ChainReorgedDuringScanError.ts';
import { createChainClient } from './createChainClient.ts';
import { deployTestToken } from './deployTestToken.ts';
import { deriveDepositAddress } from './deriveDepositAddress.ts';
import { deriveTokenId } from './deriveTokenId.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { TRANSFER_TOPIC } from './parseTransferLog.ts';
import { scanBlockRange } from './scanBlockRange.ts';
import { ANVIL_DEFAULT_ACCOUNT, type StartAnvilReturnType, startAnvil } from './startAnvil.ts';

const UNWATCHED = '0x00000000000000000000000000000000DeaDBeef' as const;

let chain: DevChain;
let wallet: ReturnType<typeof createWallet>;
let watched: Address[];
let otherToken: Address;
const stopFns: (() => Promise<void>)[] = [];

/** What the scan of the main range must find, filled in beforeAll. */
const scenario = {
  fromBlock: 0n,
  toBlock: 0n,
  pairBlock: 0n,
  expected: [] as Omit<Transfer, 'blockHash'>[],
};

function createWallet(rpcUrl: string, privateKey: `0x${string}`) {
  return createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) })
    .extend(publicActions)
    .extend(() => ({ test: createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).extend(walletActions) }));
}

function isWatchedIn(addresses: readonly string[]) {
  const set = new Set(addresses.map((a) => a.toLowerCase()));
  return (address: string) => set.has(address);
}

async function sendToken(token: Address, to: Address, amount: bigint): Promise<Hash> {
  return wallet.writeContract({
    address: token,
    abi: kassaTestTokenAbi,
    functionName: 'transfer',
    args: [to, amount],
    chain: null,
  });
}

async function receiptOf(hash: Hash) {
  return wallet.waitForTransactionReceipt({ hash, pollingInterval: 20 });
}

beforeAll(async () => {
  chain = await startDevChain();
  stopFns.push(chain.stop);
  wallet = createWallet(chain.rpcUrl, chain.testAccount.privateKey);
  watched = [0, 1, 2].map((i) => deriveDepositAddress(chain.network.xpub, i));
  otherToken = await deployTestToken({
    rpcUrl: chain.rpcUrl,
    privateKey: chain.testAccount.privateKey,
    name: 'Unlisted',
    symbol: 'UNL',
    decimals: 18,
  });
  await receiptOf(
    await wallet.writeContract({
      address: otherToken,
      abi: kassaTestTokenAbi,
      functionName: 'mint',
      args: [chain.testAccount.address, 10n ** 24n],
      chain: null,
    }),
  );
  const [w0, w1, w2] = watched as [Address, Address, Address];
  const { USDT, USDC } = chain.tokens;
  const from = chain.testAccount.address.toLowerCase() as `0x${string}`;
  const payments: { hash: Hash; expect?: { to: Address; contract: Address | null; amount: bigint } }[] = [];

  scenario.fromBlock = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
  payments.push({
    hash: await sendToken(USDT, w0, 5_000_000n),
    expect: { to: w0, contract: USDT, amount: 5_000_000n },
  });
  payments.push({ hash: await sendToken(USDC, UNWATCHED, 7_000_000n) });
  // A watched recipient of a token Kassa does not list is not a payment.
  payments.push({ hash: await sendToken(otherToken, w1, 10n ** 18n) });
  payments.push({
    hash: await wallet.sendTransaction({ to: w1, value: parseEther('1.5'), chain: null }),
    expect: { to: w1, contract: null, amount: parseEther('1.5') },
  });
  payments.push({ hash: await wallet.sendTransaction({ to: UNWATCHED, value: parseEther('2'), chain: null }) });
  payments.push({ hash: await wallet.sendTransaction({ to: w2, value: 0n, chain: null }) });
  // Thousands of unwatched transfers of a listed token in the same range.
  payments.push({
    hash: await wallet.writeContract({
      address: USDT,
      abi: kassaTestTokenAbi,
      functionName: 'emitNoise',
      args: [2_000n],
      chain: null,
    }),
  });
  // Two payments in one block: distinct log indexes.
  await wallet.test.setAutomine(false);
  const pairUsdt = await sendToken(USDT, w2, 1n);
  const pairUsdc = await sendToken(USDC, w2, 2n);
  await wallet.test.mine({ blocks: 1 });
  await wallet.test.setAutomine(true);
  payments.push({ hash: pairUsdt, expect: { to: w2, contract: USDT, amount: 1n } });
  payments.push({ hash: pairUsdc, expect: { to: w2, contract: USDC, amount: 2n } });
  payments.push({ hash: await sendToken(USDC, UNWATCHED, 3n) });

  for (const payment of payments) {
    const receipt = await receiptOf(payment.hash);
    expect(receipt.status).toBe('success');
    if (payment.hash === pairUsdt) scenario.pairBlock = receipt.blockNumber;
    if (payment.expect === undefined) continue;
    const { to, contract, amount } = payment.expect;
    const log = receipt.logs[0];
    scenario.expected.push({
      networkKey: 'DEV',
      txid: payment.hash,
      logIndex: contract === null ? -1 : (log?.logIndex ?? Number.NaN),
      blockNumber: receipt.blockNumber,
      from,
      to: to.toLowerCase() as `0x${string}`,
      contract: contract === null ? null : (contract.toLowerCase() as `0x${string}`),
      amount,
    });
  }
  scenario.toBlock = await wallet.getBlockNumber({ cacheTime: 0 });
});

afterAll(async () => {
  await Promise.all(stopFns.map((stop) => stop()));
});

describe('scanBlockRange', () => {
  it('finds ERC-20 and native payments to watched addresses across a multi-block range, and nothing else', async () => {
    const client = createChainClient(chain.network);
    const result = await scanBlockRange({
      client,
      network: chain.network,
      fromBlock: scenario.fromBlock,
      toBlock: scenario.toBlock,
      isWatched: isWatchedIn(watched),
    });
    expect(result.transfers.map(({ blockHash: _, ...rest }) => rest)).toEqual(scenario.expected);
    const pair = result.transfers.filter((t) => t.blockNumber === scenario.pairBlock);
    expect(pair.map((t) => t.logIndex)).toEqual([0, 1]);

    expect(result.blocks.map((b) => b.number)).toEqual(
      Array.from(
        { length: Number(scenario.toBlock - scenario.fromBlock) + 1 },
        (_, i) => scenario.fromBlock + BigInt(i),
      ),
    );
    for (const block of result.blocks) {
      const onChain = await client.getBlock({ blockNumber: block.number });
      expect(block).toEqual({ number: onChain.number, hash: onChain.hash, parentHash: onChain.parentHash });
    }
    for (const transfer of result.transfers) {
      const block = result.blocks.find((b) => b.number === transfer.blockNumber);
      expect(transfer.blockHash).toBe(block?.hash);
    }
  });

  it('reads a single block by hash and returns both payments in it', async () => {
    const result = await scanBlockRange({
      client: createChainClient(chain.network),
      network: chain.network,
      fromBlock: scenario.pairBlock,
      toBlock: scenario.pairBlock,
      isWatched: isWatchedIn(watched),
    });
    expect(result.blocks).toHaveLength(1);
    expect(result.transfers.map((t) => [t.contract, t.amount])).toEqual([
      [chain.tokens.USDT.toLowerCase(), 1n],
      [chain.tokens.USDC.toLowerCase(), 2n],
    ]);
  });

  it('ignores native transfers when the network does not list its native coin', async () => {
    const network: Network = { ...chain.network, tokens: chain.network.tokens.filter((t) => t.contract !== null) };
    const result = await scanBlockRange({
      client: createChainClient(network),
      network,
      fromBlock: scenario.fromBlock,
      toBlock: scenario.toBlock,
      isWatched: isWatchedIn(watched),
    });
    expect(result.transfers.map((t) => t.txid)).toEqual(
      scenario.expected.filter((t) => t.contract !== null).map((t) => t.txid),
    );
  });

  it('decodes a watched token transfer exactly: amount above 2^64, sender, recipient, log index', async () => {
    const [, w1] = watched as [Address, Address];
    const { USDT, USDC } = chain.tokens;
    const amount = 2n ** 70n + 12_345n;
    await receiptOf(
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
    const noise = await sendToken(USDT, UNWATCHED, 1n);
    const paid = await sendToken(USDC, w1, amount);
    await wallet.test.mine({ blocks: 1 });
    await wallet.test.setAutomine(true);
    const receipt = await receiptOf(paid);
    expect((await receiptOf(noise)).blockNumber).toBe(receipt.blockNumber);

    const result = await scanBlockRange({
      client: createChainClient(chain.network),
      network: chain.network,
      fromBlock: receipt.blockNumber - 1n,
      toBlock: receipt.blockNumber,
      isWatched: isWatchedIn(watched),
    });
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
    const [w0] = watched as [Address];
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
    const oddReceipts = await Promise.all(oddHashes.map(receiptOf));
    for (const receipt of oddReceipts) expect(receipt.logs).toHaveLength(1);
    const oddBlock = (oddReceipts[0] as (typeof oddReceipts)[number]).blockNumber;
    expect(oddReceipts.map((r) => r.blockNumber)).toEqual(oddReceipts.map(() => oddBlock));
    const goodReceipt = await receiptOf(good);
    expect(goodReceipt.blockNumber).toBe(oddBlock + 1n);

    const scan = (fromBlock: bigint, toBlock: bigint) =>
      scanBlockRange({
        client: createChainClient(network),
        network,
        fromBlock,
        toBlock,
        isWatched: isWatchedIn(watched),
      });
    const range = await scan(oddBlock, oddBlock + 1n);
    expect(range.transfers.map((t) => [t.txid, t.contract, t.amount])).toEqual([[good, odd, 7n]]);
    const single = await scan(oddBlock, oddBlock);
    expect(single.transfers).toEqual([]);
  });

  it('leaves out a native transfer whose transaction reverted', async () => {
    // The token contract has no receive function, so sending it ether reverts; watch it to see.
    const hash = await wallet.sendTransaction({ to: chain.tokens.USDC, value: 1n, gas: 100_000n, chain: null });
    const receipt = await receiptOf(hash);
    expect(receipt.status).toBe('reverted');
    const result = await scanBlockRange({
      client: createChainClient(chain.network),
      network: chain.network,
      fromBlock: receipt.blockNumber,
      toBlock: receipt.blockNumber,
      isWatched: isWatchedIn([chain.tokens.USDC]),
    });
    expect(result.transfers).toEqual([]);
  });

  it('throws ChainReorgedDuringScanError when the chain reorganises between reading blocks and logs', async () => {
    const [w0] = watched as [Address];
    await receiptOf(await sendToken(chain.tokens.USDT, w0, 11n));
    await receiptOf(await sendToken(chain.tokens.USDT, w0, 12n));
    const head = await wallet.getBlockNumber({ cacheTime: 0 });
    let hasReorged = false;
    const proxy = await startRpcProxy(async (request) => {
      if (request.method === 'eth_getLogs' && !hasReorged) {
        hasReorged = true;
        // The reorg lands after eth_getBlockByNumber answered and before eth_getLogs is served:
        // the last two blocks are replaced by one holding a different payment, plus an empty one.
        const mint = encodeFunctionData({ abi: kassaTestTokenAbi, functionName: 'mint', args: [w0, 13n] });
        await rawRpc(chain.rpcUrl, 'anvil_reorg', [
          2,
          [[{ from: ANVIL_DEFAULT_ACCOUNT.address, to: chain.tokens.USDT, data: mint, gas: '0x186a0' }, 0]],
        ]);
      }
      return chain.rpcUrl;
    });
    stopFns.push(proxy.stop);
    const network: Network = { ...chain.network, rpcUrls: [proxy.url] };
    const scan = scanBlockRange({
      client: createChainClient(network),
      network,
      fromBlock: head - 1n,
      toBlock: head,
      isWatched: isWatchedIn(watched),
    });
    await expect(scan).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    await expect(scan).rejects.toMatchObject({ blockNumber: head - 1n });
  });

  it('throws ChainReorgedDuringScanError when the block reads themselves straddle a reorg', async () => {
    const [w0] = watched as [Address];
    await receiptOf(await sendToken(chain.tokens.USDT, w0, 31n));
    await receiptOf(await sendToken(chain.tokens.USDT, w0, 32n));
    const head = await wallet.getBlockNumber({ cacheTime: 0 });
    let hasReorged = false;
    const proxy = await startRpcProxy(async (request) => {
      const [blockNumber] = (request.params ?? []) as [string?];
      // The batch is forwarded one request at a time: reorg after the first block was read.
      if (request.method === 'eth_getBlockByNumber' && blockNumber === `0x${head.toString(16)}` && !hasReorged) {
        hasReorged = true;
        await rawRpc(chain.rpcUrl, 'anvil_reorg', [2, []]);
      }
      return chain.rpcUrl;
    });
    stopFns.push(proxy.stop);
    const network: Network = { ...chain.network, rpcUrls: [proxy.url] };
    const scan = scanBlockRange({
      client: createChainClient(network),
      network,
      fromBlock: head - 1n,
      toBlock: head,
      isWatched: isWatchedIn(watched),
    });
    await expect(scan).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    expect(hasReorged).toBe(true);
  });

  it('re-reads by hash the blocks a lagging RPC node returned no logs for', async () => {
    const [w0] = watched as [Address];
    const paid = await receiptOf(await sendToken(chain.tokens.USDC, w0, 21n));
    // A second, real node that has the heights but not our blocks, like a backend stuck on
    // another fork behind a load balancer: range queries go there, lookups by hash do not.
    const lagging: StartAnvilReturnType = await startAnvil({ chainId: chain.chainId });
    stopFns.push(lagging.stop);
    await rawRpc(lagging.rpcUrl, 'anvil_mine', [`0x${(paid.blockNumber + 10n).toString(16)}`]);
    const proxy = await startRpcProxy(async (request) => {
      const [filter] = request.params as [{ fromBlock?: string }];
      return request.method === 'eth_getLogs' && filter.fromBlock !== undefined ? lagging.rpcUrl : chain.rpcUrl;
    });
    stopFns.push(proxy.stop);
    const network: Network = { ...chain.network, rpcUrls: [proxy.url] };
    const result = await scanBlockRange({
      client: createChainClient(network),
      network,
      fromBlock: paid.blockNumber - 1n,
      toBlock: paid.blockNumber,
      isWatched: isWatchedIn(watched),
    });
    expect(result.transfers.map((t) => [t.txid, t.amount])).toEqual([[paid.transactionHash, 21n]]);
  });

  it('rejects an inverted range', async () => {
    await expect(
      scanBlockRange({
        client: createChainClient(chain.network),
        network: chain.network,
        fromBlock: 5n,
        toBlock: 4n,
        isWatched: () => true,
      }),
    ).rejects.toThrow(RangeError);
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

async function rawRpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

type JsonRpcRequest = { jsonrpc: '2.0'; id: number; method: string; params?: unknown[] };

/**
 * A real JSON-RPC hop on 127.0.0.1 that forwards each request (batches split apart) to the node
 * `route` picks, so a test can put a real reorg or a real second node between two reads.
 */
async function startRpcProxy(
  route: (request: JsonRpcRequest) => Promise<string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const forward = async (raw: string): Promise<string> => {
    const body = JSON.parse(raw) as JsonRpcRequest | JsonRpcRequest[];
    const requests = Array.isArray(body) ? body : [body];
    const answers: unknown[] = [];
    for (const request of requests) {
      const upstream = await fetch(await route(request), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      answers.push(await upstream.json());
    }
    return JSON.stringify(Array.isArray(body) ? answers : answers[0]);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      forward(Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          res.setHeader('content-type', 'application/json');
          res.end(answer);
        },
        (error: unknown) => {
          // Surfaces as a transport error in the scan, so a broken test setup cannot pass silently.
          res.statusCode = 500;
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
