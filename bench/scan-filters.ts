// Measures how the chain watcher should ask for ERC-20 Transfer logs when blocks are full of
// other tokens' transfers: (a) eth_getLogs filtered by token contracts + Transfer topic on the
// node, or (b) every log of the range fetched and filtered here. Prints the machine it ran on.
// Run: npx tsx bench/scan-filters.ts
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { type Address, createPublicClient, type Hex, http, toEventSelector } from 'viem';
import { createRpcClient } from '../packages/gateway/src/adapters/chains/evm/createRpcClient.ts';
import { deployTestToken } from '../packages/gateway/src/adapters/chains/evm/deployTestToken.ts';
import { scanBlockRange } from '../packages/gateway/src/adapters/chains/evm/scanBlockRange.ts';
import { ANVIL_DEFAULT_ACCOUNT, startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import type { Network } from '../packages/gateway/src/core/network.ts';
import { deployBenchTokens } from './support/deployBenchTokens.ts';
import { fillBlocks } from './support/fillBlocks.ts';
import { createBenchNetwork } from './support/seedWatchedQuotes.ts';

const BLOCKS = 12;
const NOISE_TXS_PER_BLOCK = 3;
const NOISE_EVENTS_PER_TX = 3_000;
const REAL_TRANSFERS_PER_BLOCK = 3;
const WATCHED_ADDRESSES = 10_000;
const RUNS = 7;
const TRANSFER_TOPIC = toEventSelector('Transfer(address,address,uint256)');

type RawLog = { address: Hex; topics: Hex[]; data: Hex; blockNumber: Hex };
/** A way to find the payments in blocks `from..to`; resolves to how many it found. */
type Strategy = (from: bigint, to: bigint) => Promise<number>;

/** Runs the benchmark against a fresh anvil and prints its figures. */
export async function benchScanFilters(): Promise<void> {
  // The noise fills most of a 30M-gas block; anvil's default block gas limit is 30M.
  const anvil = await startAnvil();
  try {
    const rpcUrl = anvil.rpcUrl;
    const { wallet, usdt, usdc } = await deployBenchTokens(rpcUrl, 10n ** 18n);
    // Other tokens' traffic: the listed tokens are a small share of a real chain's transfers.
    const { privateKey } = ANVIL_DEFAULT_ACCOUNT;
    const noise = await deployTestToken({ rpcUrl, privateKey, name: 'Noise', symbol: 'NOISE', decimals: 18 });

    const watched = new Set<string>();
    for (let i = 0; i < WATCHED_ADDRESSES; i += 1) watched.add(`0x${(i + 1).toString(16).padStart(40, 'a')}`);
    const recipients = [...watched].slice(0, REAL_TRANSFERS_PER_BLOCK) as Address[];
    const { fromBlock, toBlock, fillMs } = await fillBlocks(wallet, rpcUrl, BLOCKS, async (send) => {
      for (let t = 0; t < NOISE_TXS_PER_BLOCK; t += 1) await send.emitNoise(noise, NOISE_EVENTS_PER_TX, 9_000_000n);
      for (const to of recipients) await send.transferToken(usdt, to, 1_000_000n);
    });

    // Strategy (b) downloads every log of the range: far past viem's default 10 MB response cap.
    const client = createPublicClient({ transport: http(rpcUrl, { maxResponseBodySize: false }) });
    const getLogs = (filter: Record<string, unknown>) =>
      client.request({ method: 'eth_getLogs', params: [filter as never] }) as Promise<RawLog[]>;
    const all = await getLogs({ fromBlock: hex(fromBlock), toBlock: hex(toBlock) });
    const chainTransfers = all.filter((log) => log.topics[0] === TRANSFER_TOPIC).length;
    const expectedPayments = BLOCKS * REAL_TRANSFERS_PER_BLOCK;
    const blockCount = Number(toBlock - fromBlock + 1n);
    const strategies = createStrategies({
      getLogs,
      network: createBenchNetwork('BENCH', anvil.chainId, rpcUrl, usdt, usdc),
      watched,
    });

    console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, node ${process.version}`);
    console.log(
      `chain: ${blockCount} blocks, ${chainTransfers} Transfer events (${Math.round(chainTransfers / blockCount)}/block),` +
        ` ${expectedPayments} to watched addresses; ${WATCHED_ADDRESSES} watched; filled in ${Math.round(fillMs)} ms`,
    );
    console.log(`median of ${RUNS} runs; µs per transfer = time / all Transfer events in the range\n`);
    for (const [label, run] of Object.entries(strategies)) {
      for (const shape of ['whole range, 1 call', '1 block per call'] as const) {
        const medianMs = await timeStrategy(run, shape, { fromBlock, toBlock, expectedPayments, label });
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

function hex(n: bigint): string {
  return `0x${n.toString(16)}`;
}

function createStrategies(p: {
  getLogs: (filter: Record<string, unknown>) => Promise<RawLog[]>;
  network: Network;
  watched: ReadonlySet<string>;
}): Record<string, Strategy> {
  const { getLogs, network, watched } = p;
  const tokens = new Set(network.tokens.flatMap((t) => (t.contract === null ? [] : [t.contract.toLowerCase()])));
  const recipientOf = (log: RawLog) => `0x${(log.topics[2] ?? '').slice(26)}`;
  const chainClient = createRpcClient(network);
  const isWatched = (address: string) => watched.has(address);
  return {
    'a: node filters (address + topic)': async (from, to) => {
      const logs = await getLogs({
        fromBlock: hex(from),
        toBlock: hex(to),
        address: [...tokens],
        topics: [TRANSFER_TOPIC],
      });
      return logs.filter((log) => watched.has(recipientOf(log))).length;
    },
    'b: all logs, filtered here': async (from, to) => {
      const logs = await getLogs({ fromBlock: hex(from), toBlock: hex(to) });
      return logs.filter(
        (log) =>
          tokens.has(log.address.toLowerCase()) && log.topics[0] === TRANSFER_TOPIC && watched.has(recipientOf(log)),
      ).length;
    },
    'scanBlockRange (a + blocks with txs)': async (from, to) => {
      const result = await scanBlockRange({ client: chainClient, network, fromBlock: from, toBlock: to, isWatched });
      return result.transfers.length;
    },
  };
}

/** The median time of `RUNS` runs of a strategy over the range, each checked to find every payment. */
async function timeStrategy(
  run: Strategy,
  shape: 'whole range, 1 call' | '1 block per call',
  p: { fromBlock: bigint; toBlock: bigint; expectedPayments: number; label: string },
): Promise<number> {
  const timesMs: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const startMs = performance.now();
    let found = 0;
    if (shape === 'whole range, 1 call') {
      found = await run(p.fromBlock, p.toBlock);
    } else {
      for (let n = p.fromBlock; n <= p.toBlock; n += 1n) found += await run(n, n);
    }
    timesMs.push(performance.now() - startMs);
    if (found !== p.expectedPayments) throw new Error(`${p.label}: found ${found}, expected ${p.expectedPayments}`);
  }
  return timesMs.sort((x, y) => x - y)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchScanFilters();
}
