// Detection latency of the chain watcher: from a payment's block being mined to the payment being
// recorded (committed to the database), over many payments sent at random moments relative to
// the watcher's polling. Goal: p50 ≤ 100 ms + half the polling interval.
// Usage: npx tsx bench/detection-latency.ts [--payments 200] [--poll-ms 250] [--watched 1000] [--database postgres://…]
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Address } from 'viem';
import { createEvmChainReader } from '../packages/gateway/src/adapters/chains/evm/createEvmChainReader.ts';
import { kassaTestTokenAbi } from '../packages/gateway/src/adapters/chains/evm/kassaTestTokenArtifact.ts';
import { startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { startChainWatcher } from '../packages/gateway/src/workers/startChainWatcher.ts';
import { createBenchApp } from './support/createBenchApp.ts';
import { type BenchWallet, deployBenchTokens } from './support/deployBenchTokens.ts';
import { describeMachine } from './support/describeMachine.ts';
import { openBenchDatabase } from './support/openBenchDatabase.ts';
import {
  createBenchNetwork,
  isSeededEthQuote,
  seededAddressOf,
  seedWatchedQuotes,
} from './support/seedWatchedQuotes.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '200' },
    'poll-ms': { type: 'string', default: '250' },
    watched: { type: 'string', default: '1000' },
    database: { type: 'string' },
  },
});
const PAYMENTS = Number(values.payments);
const POLL_MS = Number(values['poll-ms']);
const WATCHED = Number(values.watched);

async function main(): Promise<void> {
  console.log(`machine: ${describeMachine()}`);
  const anvil = await startAnvil();
  const database = await openBenchDatabase(values.database, 'latency').catch(async (error: unknown) => {
    await anvil.stop();
    throw error;
  });
  const controller = new AbortController();
  let watching: Promise<void> = Promise.resolve();
  try {
    const { kassaDb } = database;
    const { wallet, usdt, usdc } = await deployBenchTokens(anvil.rpcUrl, 10n ** 15n);
    const { deps, appId } = await createBenchApp(kassaDb);
    const network = createBenchNetwork('LATENCY', anvil.chainId, anvil.rpcUrl, usdt, usdc);
    await seedWatchedQuotes(kassaDb, appId, network, WATCHED, deps.clock.now());

    const recordedAtMs = new Map<string, number>();
    let isReady = false;
    watching = startChainWatcher(
      { ...deps, networks: [network] },
      {
        network,
        chain: createEvmChainReader(network),
        signal: controller.signal,
        pollIntervalMs: POLL_MS,
        onRangeCommitted: (range) => {
          isReady = true;
          const nowMs = performance.now();
          for (const payment of range.recorded) recordedAtMs.set(payment.txid, nowMs);
        },
      },
    );
    // Wait until the watcher committed its first range (address set loaded, cursor stored).
    while (!isReady) {
      await wallet.request({ method: 'anvil_mine', params: ['0x1'] } as never);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }

    const minedAtMs = await sendPayments(wallet, usdt);
    const deadlineMs = performance.now() + 10 * POLL_MS + 10_000;
    while (recordedAtMs.size < PAYMENTS && performance.now() < deadlineMs) await new Promise((r) => setTimeout(r, 20));
    if (recordedAtMs.size < PAYMENTS)
      throw new Error(`only ${recordedAtMs.size} of ${PAYMENTS} payments were recorded`);
    printLatencies(minedAtMs, recordedAtMs);
  } finally {
    controller.abort();
    await watching;
    await database.close();
    await anvil.stop();
  }
}

/**
 * Pays watched addresses at random moments; resolves to when each payment (by txid) was mined.
 * Automine: the block is mined before eth_sendRawTransaction answers, so the moment the send
 * returns bounds the mining time from above (the latency is, if anything, understated by one
 * local round trip). Random gaps spread the mining moments over the polling phase.
 */
async function sendPayments(wallet: BenchWallet, usdt: Address): Promise<Map<string, number>> {
  const minedAtMs = new Map<string, number>();
  const recipients = Array.from({ length: WATCHED }, (_, i) => i).filter((i) => !isSeededEthQuote(i));
  for (let n = 0; n < PAYMENTS; n += 1) {
    await new Promise((r) => setTimeout(r, randomInt(0, 2 * POLL_MS)));
    const to = seededAddressOf(recipients[n % recipients.length] as number);
    const hash = await wallet.writeContract({
      address: usdt,
      abi: kassaTestTokenAbi,
      functionName: 'transfer',
      args: [to, 1_000_000n],
      gas: 100_000n,
      chain: null,
    });
    minedAtMs.set(hash, performance.now());
  }
  return minedAtMs;
}

function printLatencies(minedAtMs: ReadonlyMap<string, number>, recordedAtMs: ReadonlyMap<string, number>): void {
  const latencies = [...minedAtMs]
    .map(([hash, mined]) => Math.max(0, (recordedAtMs.get(hash) ?? Number.NaN) - mined))
    .sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  console.log(
    `following the head by polling every ${POLL_MS} ms; ${WATCHED} watched addresses; ${PAYMENTS} payments, each in its own block`,
  );
  console.log(
    `detection latency: p50 ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`,
  );
  console.log(
    `goal p50 ≤ ${100 + POLL_MS / 2} ms (100 ms + half the polling interval): ${at(0.5) <= 100 + POLL_MS / 2 ? 'met' : 'NOT met'}`,
  );
}

await main();
