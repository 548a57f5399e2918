// Chain watcher throughput with 1,000 and with 100,000 watched addresses over the same chain: blocks
// full of token transfers (noise emitted by the watched USDT contract itself, so every one of them
// passes the node-side filter and meets the address lookup) plus a few real payments per block.
// Goal: the 100,000 figure within 10% of the 1,000 one (the lookup is a hash map).
// Usage: npx tsx bench/watcher.ts [--blocks 40] [--noise 4000] [--runs 5] [--database postgres://…]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTestClient, createWalletClient, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createEvmChainReader } from '../packages/gateway/src/adapters/chains/evm/createEvmChainReader.ts';
import { deployTestToken } from '../packages/gateway/src/adapters/chains/evm/deployTestToken.ts';
import { kassaTestTokenAbi } from '../packages/gateway/src/adapters/chains/evm/kassaTestTokenArtifact.ts';
import { ANVIL_DEFAULT_ACCOUNT, startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { createSecretBox } from '../packages/gateway/src/adapters/crypto/createSecretBox.ts';
import { createDb, type KassaDb } from '../packages/gateway/src/adapters/db/createDb.ts';
import { createStore } from '../packages/gateway/src/adapters/db/createStore.ts';
import { migrateToLatest } from '../packages/gateway/src/adapters/db/migrateToLatest.ts';
import { createRandomIdSource } from '../packages/gateway/src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../packages/gateway/src/adapters/system/createSystemClock.ts';
import { createApp } from '../packages/gateway/src/app/createApp.ts';
import type { ChainReader } from '../packages/gateway/src/core/ChainReader.ts';
import type { Network } from '../packages/gateway/src/core/network.ts';
import type { Store } from '../packages/gateway/src/core/ports.ts';
import { startChainWatcher } from '../packages/gateway/src/workers/startChainWatcher.ts';
import { describeMachine } from './support/describeMachine.ts';
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

const addressOf = seededAddressOf;
// Payment recipients among the first 1,000 quotes, so both sizes find the same payments.
const tokenRecipient = (k: number) => addressOf(Math.floor((k % 800) / 4) * 5 + (k % 4));
const nativeRecipient = (k: number) => addressOf((k % 200) * 5 + 4);

async function main(): Promise<void> {
  console.log(`machine: ${describeMachine()}`);
  const anvil = await startAnvil();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-watcher-'));
  const pgSchema = `bench_${process.pid}`;
  const kassaDb = createDb(
    values.database === undefined ? { url: path.join(dataDir, 'kassa.sqlite') } : { url: values.database, pgSchema },
  );
  try {
    if (kassaDb.dialect.name === 'postgres')
      await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(kassaDb.db);
    await migrateToLatest(kassaDb);
    const { rpcUrl } = anvil;
    const privateKey = ANVIL_DEFAULT_ACCOUNT.privateKey;
    const wallet = createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) }).extend(
      publicActions,
    );
    const test = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
    const usdt = await deployTestToken({ rpcUrl, privateKey, name: 'Tether USD', symbol: 'USDT', decimals: 6 });
    const usdc = await deployTestToken({ rpcUrl, privateKey, name: 'USD Coin', symbol: 'USDC', decimals: 6 });
    await wallet.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: usdt,
        abi: kassaTestTokenAbi,
        functionName: 'mint',
        args: [wallet.account.address, 10n ** 15n],
        chain: null,
      }),
    });

    // The chain: every block carries the noise, token payments and a native payment to watched addresses.
    const fromBlock = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
    await test.setAutomine(false);
    let nonce = await wallet.getTransactionCount({ address: wallet.account.address, blockTag: 'pending' });
    const fillStartMs = performance.now();
    let paid = 0;
    for (let b = 0; b < BLOCKS; b += 1) {
      for (let n = 0; n < NOISE_PER_BLOCK; n += NOISE_PER_TX) {
        const count = Math.min(NOISE_PER_TX, NOISE_PER_BLOCK - n);
        await wallet.writeContract({
          address: usdt,
          abi: kassaTestTokenAbi,
          functionName: 'emitNoise',
          args: [BigInt(count)],
          gas: 8_000_000n,
          nonce: nonce++,
          chain: null,
        });
      }
      for (let p = 0; p < TOKEN_PAYMENTS_PER_BLOCK; p += 1) {
        await wallet.writeContract({
          address: usdt,
          abi: kassaTestTokenAbi,
          functionName: 'transfer',
          args: [tokenRecipient(paid++), 1_000_000n],
          gas: 100_000n,
          nonce: nonce++,
          chain: null,
        });
      }
      for (let p = 0; p < NATIVE_PAYMENTS_PER_BLOCK; p += 1) {
        await wallet.sendTransaction({
          to: nativeRecipient(paid++),
          value: 10n ** 15n,
          gas: 21_000n,
          nonce: nonce++,
          chain: null,
        });
      }
      await test.mine({ blocks: 1 });
    }
    await test.setAutomine(true);
    const toBlock = await wallet.getBlockNumber({ cacheTime: 0 });
    const fillMs = performance.now() - fillStartMs;
    const transfersInRange = BLOCKS * (NOISE_PER_BLOCK + TOKEN_PAYMENTS_PER_BLOCK);
    console.log(
      `chain: ${BLOCKS} blocks, each ${NOISE_PER_BLOCK} noise + ${TOKEN_PAYMENTS_PER_BLOCK} paying USDT Transfer logs and ` +
        `${NATIVE_PAYMENTS_PER_BLOCK} native payment (${paid} payments in all); filled in ${Math.round(fillMs)} ms`,
    );

    const store = createStore(kassaDb, createSecretBox(randomBytes(32)));
    const clock = createSystemClock();
    const deps = { store, clock, ids: createRandomIdSource(clock) };
    const { appId } = await createApp(deps, { name: 'Bench', webhookUrl: 'https://shop.example/hook' });
    const networks = SIZES.map((size) => createBenchNetwork(`BENCH${size}`, anvil.chainId, rpcUrl, usdt, usdc));
    for (const [i, size] of SIZES.entries()) {
      const seedStartMs = performance.now();
      await seedWatchedQuotes(kassaDb, appId, networks[i] as Network, size, clock.now());
      console.log(`seeded ${size} watched addresses in ${Math.round(performance.now() - seedStartMs)} ms`);
    }

    const results = new Map<
      number,
      { blocksPerSecond: number[]; cpuUsPerTransfer: number[]; loadMs: number[]; scanShare: number[] }
    >(SIZES.map((s) => [s, { blocksPerSecond: [], cpuUsPerTransfer: [], loadMs: [], scanShare: [] }]));
    // One warm-up run each (JIT, page cache), then alternate sizes so drift hits both alike.
    for (let run = -1; run < RUNS; run += 1) {
      for (const [i, size] of SIZES.entries()) {
        const network = networks[i] as Network;
        const measured = await measureRun({
          kassaDb,
          store,
          deps: { ...deps, networks },
          network,
          fromBlock,
          toBlock,
          expectedPayments: paid,
        });
        if (run < 0) continue;
        results.get(size)?.blocksPerSecond.push(measured.blocksPerSecond);
        results.get(size)?.loadMs.push(measured.loadMs);
        results.get(size)?.scanShare.push(measured.scanShare);
        results.get(size)?.cpuUsPerTransfer.push((measured.cpuMs * 1000) / transfersInRange);
      }
    }

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
      const usPerTransfer = (1e6 * BLOCKS) / blocksPerSecond / transfersInRange;
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
  } finally {
    if (kassaDb.dialect.name === 'postgres')
      await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(kassaDb.db);
    await kassaDb.close();
    await anvil.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type MeasureRunParameters = {
  readonly kassaDb: KassaDb;
  readonly store: Store;
  readonly deps: Parameters<typeof startChainWatcher>[0];
  readonly network: Network;
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
  readonly expectedPayments: number;
};

/** Runs the watcher from `fromBlock` to `toBlock` on a clean slate; the clock starts at its first scan. */
async function measureRun(
  p: MeasureRunParameters,
): Promise<{ blocksPerSecond: number; cpuMs: number; loadMs: number; scanShare: number }> {
  const { db } = p.kassaDb;
  await db.deleteFrom('deliveries').execute();
  await db.deleteFrom('payments').where('network_key', '=', p.network.key).execute();
  await db.deleteFrom('chain_blocks').where('network_key', '=', p.network.key).execute();
  await db.deleteFrom('chain_cursors').where('network_key', '=', p.network.key).execute();
  await db.updateTable('orders').set({ status: 'Pending' }).where('order_id', 'like', `${p.network.key}-%`).execute();

  const reader = createEvmChainReader(p.network);
  const startedMs = performance.now();
  let firstScanMs: number | undefined;
  let doneMs = 0;
  let recorded = 0;
  let scanMs = 0;
  let cpuAtFirstScan: NodeJS.CpuUsage | undefined;
  let cpuUsed: NodeJS.CpuUsage | undefined;
  const instrumented: ChainReader = {
    ...reader,
    scanBlockRange: async (range) => {
      const scanStartMs = performance.now();
      firstScanMs ??= scanStartMs;
      cpuAtFirstScan ??= process.cpuUsage();
      const scanned = await reader.scanBlockRange(range);
      scanMs += performance.now() - scanStartMs;
      return scanned;
    },
  };
  const controller = new AbortController();
  await startChainWatcher(p.deps, {
    network: p.network,
    chain: instrumented,
    signal: controller.signal,
    startBlock: p.fromBlock,
    pollIntervalMs: 10,
    onRangeCommitted: (range) => {
      recorded += range.recorded.length;
      if (range.toBlock >= p.toBlock) {
        doneMs = performance.now();
        cpuUsed = process.cpuUsage(cpuAtFirstScan);
        controller.abort();
      }
    },
  });
  if (recorded !== p.expectedPayments)
    throw new Error(`${p.network.key}: recorded ${recorded}, expected ${p.expectedPayments}`);
  const scanStartMs = firstScanMs ?? startedMs;
  return {
    blocksPerSecond: (Number(p.toBlock - p.fromBlock + 1n) * 1000) / (doneMs - scanStartMs),
    cpuMs: ((cpuUsed?.user ?? 0) + (cpuUsed?.system ?? 0)) / 1000,
    loadMs: scanStartMs - startedMs,
    scanShare: scanMs / (doneMs - scanStartMs),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

await main();
