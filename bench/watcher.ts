// Chain watcher throughput with 1,000 and with 100,000 watched addresses over the same chain: blocks
// full of token transfers (noise emitted by the watched USDT contract itself, so every one of them
// passes the node-side filter and meets the address lookup) plus a few real payments per block.
// Goal: the 100,000 figure within 10% of the 1,000 one (the lookup is a hash map).
// Usage: npx tsx bench/watcher.ts [--blocks 40] [--noise 4000] [--runs 5] [--database postgres://…]
import { parseArgs } from 'node:util';
import type { Address } from 'viem';
import { startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import type { KassaDb } from '../packages/gateway/src/adapters/db/createDb.ts';
import type { Network } from '../packages/gateway/src/core/network.ts';
import type { startChainWatcher } from '../packages/gateway/src/workers/startChainWatcher.ts';
import { createBenchApp } from './support/createBenchApp.ts';
import { type BenchWallet, deployBenchTokens } from './support/deployBenchTokens.ts';
import { describeMachine } from './support/describeMachine.ts';
import { type FillBlocksReturnType, fillBlocks } from './support/fillBlocks.ts';
import { measureWatcherRun } from './support/measureWatcherRun.ts';
import { openBenchDatabase } from './support/openBenchDatabase.ts';
import { createBenchNetwork, seededAddressOf, seedWatchedQuotes } from './support/seedWatchedQuotes.ts';

const { values } = parseArgs({
  options: {
    blocks: { type: 'string', default: '40' },
    noise: { type: 'string', default: '4000' },
    runs: { type: 'string', default: '5' },
    database: { type: 'string' },
  },
});
const BLOCKS = Number(values.blocks);
const NOISE_PER_BLOCK = Number(values.noise);
const RUNS = Number(values.runs);
const NOISE_PER_TX = 2_000;
const TOKEN_PAYMENTS_PER_BLOCK = 4;
const NATIVE_PAYMENTS_PER_BLOCK = 1;
const SIZES = [1_000, 100_000] as const;
const TRANSFERS_IN_RANGE = BLOCKS * (NOISE_PER_BLOCK + TOKEN_PAYMENTS_PER_BLOCK);

const addressOf = seededAddressOf;
// Payment recipients among the first 1,000 quotes, so both sizes find the same payments.
const tokenRecipient = (k: number) => addressOf(Math.floor((k % 800) / 4) * 5 + (k % 4));
const nativeRecipient = (k: number) => addressOf((k % 200) * 5 + 4);

type SizeResults = { blocksPerSecond: number[]; cpuUsPerTransfer: number[]; loadMs: number[]; scanShare: number[] };
type FilledChain = FillBlocksReturnType & { readonly paid: number };

async function main(): Promise<void> {
  console.log(`machine: ${describeMachine()}`);
  const anvil = await startAnvil();
  const database = await openBenchDatabase(values.database, 'watcher').catch(async (error: unknown) => {
    await anvil.stop();
    throw error;
  });
  try {
    const { kassaDb } = database;
    const { wallet, usdt, usdc } = await deployBenchTokens(anvil.rpcUrl, 10n ** 15n);
    const chain = await fillChain(wallet, anvil.rpcUrl, usdt);
    console.log(
      `chain: ${BLOCKS} blocks, each ${NOISE_PER_BLOCK} noise + ${TOKEN_PAYMENTS_PER_BLOCK} paying USDT Transfer logs and ` +
        `${NATIVE_PAYMENTS_PER_BLOCK} native payment (${chain.paid} payments in all); filled in ${Math.round(chain.fillMs)} ms`,
    );

    const { deps, appId } = await createBenchApp(kassaDb);
    const networks = SIZES.map((size) => createBenchNetwork(`BENCH${size}`, anvil.chainId, anvil.rpcUrl, usdt, usdc));
    for (const [i, size] of SIZES.entries()) {
      const seedStartMs = performance.now();
      await seedWatchedQuotes(kassaDb, appId, networks[i] as Network, size, deps.clock.now());
      console.log(`seeded ${size} watched addresses in ${Math.round(performance.now() - seedStartMs)} ms`);
    }
    printResults(await measureSizes({ kassaDb, deps: { ...deps, networks }, networks, chain }));
  } finally {
    await database.close();
    await anvil.stop();
  }
}

/** The chain: every block carries the noise, token payments and a native payment to watched addresses. */
async function fillChain(wallet: BenchWallet, rpcUrl: string, usdt: Address): Promise<FilledChain> {
  let paid = 0;
  const filled = await fillBlocks(wallet, rpcUrl, BLOCKS, async (send) => {
    for (let n = 0; n < NOISE_PER_BLOCK; n += NOISE_PER_TX) {
      await send.emitNoise(usdt, Math.min(NOISE_PER_TX, NOISE_PER_BLOCK - n), 8_000_000n);
    }
    for (let p = 0; p < TOKEN_PAYMENTS_PER_BLOCK; p += 1)
      await send.transferToken(usdt, tokenRecipient(paid++), 1_000_000n);
    for (let p = 0; p < NATIVE_PAYMENTS_PER_BLOCK; p += 1) await send.sendNative(nativeRecipient(paid++), 10n ** 15n);
  });
  return { ...filled, paid };
}

/** One warm-up run each (JIT, page cache), then alternate sizes so drift hits both alike. */
async function measureSizes(p: {
  readonly kassaDb: KassaDb;
  readonly deps: Parameters<typeof startChainWatcher>[0];
  readonly networks: readonly Network[];
  readonly chain: FilledChain;
}): Promise<Map<number, SizeResults>> {
  const results = new Map<number, SizeResults>(
    SIZES.map((s) => [s, { blocksPerSecond: [], cpuUsPerTransfer: [], loadMs: [], scanShare: [] }]),
  );
  for (let run = -1; run < RUNS; run += 1) {
    for (const [i, size] of SIZES.entries()) {
      const measured = await measureWatcherRun({
        kassaDb: p.kassaDb,
        deps: p.deps,
        network: p.networks[i] as Network,
        fromBlock: p.chain.fromBlock,
        toBlock: p.chain.toBlock,
        expectedPayments: p.chain.paid,
      });
      if (run < 0) continue;
      results.get(size)?.blocksPerSecond.push(measured.blocksPerSecond);
      results.get(size)?.loadMs.push(measured.loadMs);
      results.get(size)?.scanShare.push(measured.scanShare);
      results.get(size)?.cpuUsPerTransfer.push((measured.cpuMs * 1000) / TRANSFERS_IN_RANGE);
    }
  }
  return results;
}

function printResults(results: ReadonlyMap<number, SizeResults>): void {
  console.log(
    `\nmedian of ${RUNS} runs (after one warm-up); µs per transfer = wall time of the scan / Transfer logs in ` +
      `the range; CPU µs = this process's CPU time over the same span (anvil's work excluded), which other ` +
      `load on the machine disturbs far less than wall time\n`,
  );
  const medians = new Map<number, number>();
  const cpuMedians = new Map<number, number>();
  for (const size of SIZES) {
    const r = results.get(size);
    if (r === undefined) continue;
    const blocksPerSecond = median(r.blocksPerSecond);
    medians.set(size, blocksPerSecond);
    cpuMedians.set(size, median(r.cpuUsPerTransfer));
    const usPerTransfer = (1e6 * BLOCKS) / blocksPerSecond / TRANSFERS_IN_RANGE;
    console.log(
      `${String(size).padStart(7)} watched: ${blocksPerSecond.toFixed(1).padStart(7)} blocks/s  ` +
        `${usPerTransfer.toFixed(2).padStart(6)} µs/transfer  ${median(r.cpuUsPerTransfer).toFixed(2).padStart(6)} CPU µs/transfer  ` +
        `${Math.round(median(r.scanShare) * 100)}% of the time in scanBlockRange ` +
        `(address set loaded in ${Math.round(median(r.loadMs))} ms at start)`,
    );
  }
  const ratio = (medians.get(100_000) ?? 0) / (medians.get(1_000) ?? 1);
  const cpuRatio = (cpuMedians.get(1_000) ?? 0) / (cpuMedians.get(100_000) ?? 1);
  console.log(
    `\n100,000 / 1,000 throughput: ${(ratio * 100).toFixed(1)}% by wall time, ${(cpuRatio * 100).toFixed(1)}% by CPU time (goal ≥ 90%)`,
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

await main();
