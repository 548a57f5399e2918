import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Address } from 'viem';
import { createEvmChainReader } from '../../packages/gateway/src/adapters/chains/evm/createEvmChainReader.ts';
import { createSecretBox } from '../../packages/gateway/src/adapters/crypto/createSecretBox.ts';
import { createStore } from '../../packages/gateway/src/adapters/db/createStore.ts';
import { createRandomIdSource } from '../../packages/gateway/src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../../packages/gateway/src/adapters/system/createSystemClock.ts';
import { createWebhookSender } from '../../packages/gateway/src/adapters/webhooks/createWebhookSender.ts';
import { createApp } from '../../packages/gateway/src/app/createApp.ts';
import { loadConfig } from '../../packages/gateway/src/config/loadConfig.ts';
import { startChainWatcher } from '../../packages/gateway/src/workers/startChainWatcher.ts';
import { startWebhookDispatcher } from '../../packages/gateway/src/workers/startWebhookDispatcher.ts';
import type { BenchWallet } from './deployBenchTokens.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';
import { createBenchNetwork, isSeededEthQuote, seededAddressOf, seedWatchedQuotes } from './seedWatchedQuotes.ts';
import { sendTimedPayments } from './sendTimedPayments.ts';
import { startTimingReceiver } from './startTimingReceiver.ts';

export type MeasureDetectionParameters = {
  /** The RPC URLs the watcher is given: HTTP only (polling), or a websocket one first (subscription). */
  readonly rpcUrls: readonly string[];
  readonly httpUrl: string;
  readonly chainId: number;
  readonly wallet: BenchWallet;
  readonly usdt: Address;
  readonly usdc: Address;
  readonly databaseUrl: string | undefined;
  readonly payments: number;
  readonly watched: number;
  readonly pollIntervalMs: number;
  readonly dispatcherPollIntervalMs: number;
  readonly meanGapMs: number;
};

/** Latencies in ms from each payment's block to its payment recorded, and to its webhook received. */
export type DetectionLatencies = { readonly recorded: number[]; readonly webhook: number[] };

const USDT_QUOTE_AMOUNT = 10_000_000n;

/**
 * One run of the real watcher and webhook dispatcher on a fresh database (sharing one store, as in
 * one `kassa serve` process) over `rpcUrls`, with a loopback merchant endpoint: pays `payments`
 * watched addresses in full, one block each, and times each payment to recorded and to webhook.
 */
export async function measureDetection(p: MeasureDetectionParameters): Promise<DetectionLatencies> {
  const receiver = await startTimingReceiver();
  const database = await openBenchDatabase(p.databaseUrl, 'latency');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-latency-'));
  const controller = new AbortController();
  const running: Promise<void>[] = [];
  try {
    // Dev mode: webhooks may go to loopback.
    const config = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: dataDir, KASSA_LOG_LEVEL: 'silent' } });
    const store = createStore(database.kassaDb, createSecretBox(config.masterKey));
    const clock = createSystemClock();
    const ids = createRandomIdSource(clock);
    const { appId } = await createApp({ store, clock, ids }, { name: 'Bench', webhookUrl: receiver.url });
    const network = {
      ...createBenchNetwork('LATENCY', p.chainId, p.httpUrl, p.usdt, p.usdc),
      rpcUrls: [...p.rpcUrls],
    };
    await seedWatchedQuotes(database.kassaDb, appId, network, p.watched, clock.now());

    const recordedAtMs = new Map<string, number>();
    let isReady = false;
    running.push(
      startChainWatcher(
        { store, clock, ids, networks: [network] },
        {
          network,
          chain: createEvmChainReader(network),
          signal: controller.signal,
          pollIntervalMs: p.pollIntervalMs,
          onRangeCommitted: (range) => {
            isReady = true;
            const nowMs = performance.now();
            for (const payment of range.recorded) recordedAtMs.set(payment.txid, nowMs);
          },
        },
      ),
      startWebhookDispatcher(
        { config, store, clock, webhookSender: createWebhookSender(config.webhooks) },
        { signal: controller.signal, owner: 'bench', pollIntervalMs: p.dispatcherPollIntervalMs },
      ),
    );
    // Until the watcher committed its first range (addresses loaded, cursor stored).
    while (!isReady) {
      await p.wallet.request({ method: 'anvil_mine', params: ['0x1'] } as never);
      await new Promise((r) => setTimeout(r, 50));
    }
    return await payAndTime(p, recordedAtMs, receiver.receivedAtMs);
  } finally {
    controller.abort();
    await Promise.all(running);
    await database.close();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Pays the first `payments` USDT quotes; resolves once each is recorded and its webhook received. */
async function payAndTime(
  p: MeasureDetectionParameters,
  recordedAtMs: ReadonlyMap<string, number>,
  receivedAtMs: ReadonlyMap<string, number>,
): Promise<DetectionLatencies> {
  const recipients = Array.from({ length: p.watched }, (_, i) => i)
    .filter((i) => !isSeededEthQuote(i))
    .slice(0, p.payments)
    .map(seededAddressOf);
  if (recipients.length < p.payments) throw new Error(`--watched ${p.watched} has too few USDT quotes`);
  const sentAtMs = await sendTimedPayments({
    wallet: p.wallet,
    rpcUrl: p.httpUrl,
    token: p.usdt,
    recipients,
    amount: USDT_QUOTE_AMOUNT,
    meanGapMs: p.meanGapMs,
  });
  const deadlineMs = performance.now() + 30_000;
  const isDone = () => recordedAtMs.size >= p.payments && receivedAtMs.size >= p.payments;
  while (!isDone() && performance.now() < deadlineMs) await new Promise((r) => setTimeout(r, 20));
  if (!isDone()) {
    throw new Error(`${recordedAtMs.size} of ${p.payments} payments recorded, ${receivedAtMs.size} webhooks received`);
  }
  const since = (at: ReadonlyMap<string, number>) =>
    [...sentAtMs].map(([txid, sent]) => (at.get(txid) ?? Number.NaN) - sent);
  return { recorded: since(recordedAtMs), webhook: since(receivedAtMs) };
}
