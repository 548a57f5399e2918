// Measures how the chain watcher should ask for ERC-20 Transfer logs when blocks are full of
// other tokens' transfers: (a) eth_getLogs filtered by token contracts + Transfer topic on the
// node, or (b) every log of the range fetched and filtered here. Prints the machine it ran on.
// Run: npx tsx bench/scan-filters.ts
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  publicActions,
  toEventSelector,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createChainClient } from '../packages/gateway/src/adapters/chains/evm/createChainClient.ts';
import { deployTestToken } from '../packages/gateway/src/adapters/chains/evm/deployTestToken.ts';
import { kassaTestTokenAbi } from '../packages/gateway/src/adapters/chains/evm/kassaTestTokenArtifact.ts';
import { scanBlockRange } from '../packages/gateway/src/adapters/chains/evm/scanBlockRange.ts';
import { ANVIL_DEFAULT_ACCOUNT, startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import type { Network, Token } from '../packages/gateway/src/core/network.ts';

const BLOCKS = 12;
const NOISE_TXS_PER_BLOCK = 3;
const NOISE_EVENTS_PER_TX = 3_000;
const REAL_TRANSFERS_PER_BLOCK = 3;
const WATCHED_ADDRESSES = 10_000;
const RUNS = 7;
const TRANSFER_TOPIC = toEventSelector('Transfer(address,address,uint256)');

type RawLog = { address: Hex; topics: Hex[]; data: Hex; blockNumber: Hex };

/** Runs the benchmark against a fresh anvil and prints its figures. */
export async function benchScanFilters(): Promise<void> {
  // The noise fills most of a 30M-gas block; anvil's default block gas limit is 30M.
  const anvil = await startAnvil();
  try {
    const rpcUrl = anvil.rpcUrl;
    const privateKey = ANVIL_DEFAULT_ACCOUNT.privateKey;
    const wallet = createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) }).extend(
      publicActions,
    );
    const test = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
    const usdt = await deployTestToken({ rpcUrl, privateKey, name: 'Tether USD', symbol: 'USDT', decimals: 6 });
    const usdc = await deployTestToken({ rpcUrl, privateKey, name: 'USD Coin', symbol: 'USDC', decimals: 6 });
    // Other tokens' traffic: the listed tokens are a small share of a real chain's transfers.
    const noise = await deployTestToken({ rpcUrl, privateKey, name: 'Noise', symbol: 'NOISE', decimals: 18 });
    await wallet.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: usdt,
        abi: kassaTestTokenAbi,
        functionName: 'mint',
        args: [wallet.account.address, 10n ** 18n],
        chain: null,
      }),
    });

    const watched = new Set<string>();
    for (let i = 0; i < WATCHED_ADDRESSES; i += 1) watched.add(`0x${(i + 1).toString(16).padStart(40, 'a')}`);
    const recipients = [...watched].slice(0, REAL_TRANSFERS_PER_BLOCK) as Address[];

    const fromBlock = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
    await test.setAutomine(false);
    let nonce = await wallet.getTransactionCount({ address: wallet.account.address, blockTag: 'pending' });
    const fillStartMs = performance.now();
    for (let b = 0; b < BLOCKS; b += 1) {
      for (let t = 0; t < NOISE_TXS_PER_BLOCK; t += 1) {
        await wallet.writeContract({
          address: noise,
          abi: kassaTestTokenAbi,
          functionName: 'emitNoise',
          args: [BigInt(NOISE_EVENTS_PER_TX)],
          gas: 9_000_000n,
          nonce: nonce++,
          chain: null,
        });
      }
      for (const to of recipients) {
        await wallet.writeContract({
          address: usdt,
          abi: kassaTestTokenAbi,
          functionName: 'transfer',
          args: [to, 1_000_000n],
          gas: 100_000n,
          nonce: nonce++,
          chain: null,
        });
      }
      await test.mine({ blocks: 1 });
    }
    await test.setAutomine(true);
    const toBlock = await wallet.getBlockNumber({ cacheTime: 0 });
    const fillMs = performance.now() - fillStartMs;

    // Strategy (b) downloads every log of the range: far past viem's default 10 MB response cap.
    const client = createPublicClient({ transport: http(rpcUrl, { maxResponseBodySize: false }) });
    const hex = (n: bigint) => `0x${n.toString(16)}`;
    const getLogs = (filter: Record<string, unknown>) =>
      client.request({ method: 'eth_getLogs', params: [filter as never] }) as Promise<RawLog[]>;
    const tokens = new Set([usdt.toLowerCase(), usdc.toLowerCase()]);
    const recipientOf = (log: RawLog) => `0x${(log.topics[2] ?? '').slice(26)}`;

    const all = await getLogs({ fromBlock: hex(fromBlock), toBlock: hex(toBlock) });
    const chainTransfers = all.filter((log) => log.topics[0] === TRANSFER_TOPIC).length;
    const expectedPayments = BLOCKS * REAL_TRANSFERS_PER_BLOCK;
    const blockCount = Number(toBlock - fromBlock + 1n);

    const token = (symbol: string, contract: Address | null): Token => ({
      tokenId: symbol,
      networkKey: 'BENCH',
      symbol,
      name: symbol,
      contract,
      decimals: contract === null ? 18 : 6,
      isStable: contract !== null,
    });
    const network: Network = {
      key: 'BENCH',
      chainId: anvil.chainId,
      standard: 'ERC20',
      rpcUrls: [rpcUrl],
      confirmations: 1,
      blockTimeSeconds: 1,
      xpub: '',
      tokens: [token('USDT', usdt), token('USDC', usdc), token('ETH', null)],
    };
    const chainClient = createChainClient(network);
    const isWatched = (address: string) => watched.has(address);

    const strategies = {
      'a: node filters (address + topic)': async (from: bigint, to: bigint) => {
        const logs = await getLogs({
          fromBlock: hex(from),
          toBlock: hex(to),
          address: [...tokens],
          topics: [TRANSFER_TOPIC],
        });
        return logs.filter((log) => watched.has(recipientOf(log))).length;
      },
      'b: all logs, filtered here': async (from: bigint, to: bigint) => {
        const logs = await getLogs({ fromBlock: hex(from), toBlock: hex(to) });
        return logs.filter(
          (log) =>
            tokens.has(log.address.toLowerCase()) && log.topics[0] === TRANSFER_TOPIC && watched.has(recipientOf(log)),
        ).length;
      },
      'scanBlockRange (a + blocks with txs)': async (from: bigint, to: bigint) => {
        const result = await scanBlockRange({ client: chainClient, network, fromBlock: from, toBlock: to, isWatched });
        return result.transfers.length;
      },
    };

    console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, node ${process.version}`);
    console.log(
      `chain: ${blockCount} blocks, ${chainTransfers} Transfer events (${Math.round(chainTransfers / blockCount)}/block),` +
        ` ${expectedPayments} to watched addresses; ${WATCHED_ADDRESSES} watched; filled in ${Math.round(fillMs)} ms`,
    );
    console.log(`median of ${RUNS} runs; µs per transfer = time / all Transfer events in the range\n`);
    for (const [label, run] of Object.entries(strategies)) {
      for (const shape of ['whole range, 1 call', '1 block per call'] as const) {
        const timesMs: number[] = [];
        for (let r = 0; r < RUNS; r += 1) {
          const startMs = performance.now();
          let found = 0;
          if (shape === 'whole range, 1 call') {
            found = await run(fromBlock, toBlock);
          } else {
            for (let n = fromBlock; n <= toBlock; n += 1n) found += await run(n, n);
          }
          timesMs.push(performance.now() - startMs);
          if (found !== expectedPayments) throw new Error(`${label}: found ${found}, expected ${expectedPayments}`);
        }
        const medianMs = timesMs.sort((x, y) => x - y)[Math.floor(RUNS / 2)] ?? Number.NaN;
        console.log(
          `${label.padEnd(36)} ${shape.padEnd(20)} ${(medianMs / blockCount).toFixed(2).padStart(8)} ms/block` +
            ` ${((medianMs * 1000) / chainTransfers).toFixed(2).padStart(8)} µs/transfer`,
        );
      }
    }
  } finally {
    await anvil.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchScanFilters();
}
