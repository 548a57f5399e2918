import { createEvmChainReader } from '../../packages/gateway/src/adapters/chains/evm/createEvmChainReader.ts';
import type { KassaDb } from '../../packages/gateway/src/adapters/db/createDb.ts';
import type { ChainReader } from '../../packages/gateway/src/core/ChainReader.ts';
import type { Network } from '../../packages/gateway/src/core/network.ts';
import { startChainWatcher } from '../../packages/gateway/src/workers/startChainWatcher.ts';

export type MeasureWatcherRunParameters = {
  readonly kassaDb: KassaDb;
  readonly deps: Parameters<typeof startChainWatcher>[0];
  readonly network: Network;
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
  readonly expectedPayments: number;
};

/** Runs the watcher from `fromBlock` to `toBlock` on a clean slate; the clock starts at its first scan. */
export async function measureWatcherRun(
  p: MeasureWatcherRunParameters,
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
