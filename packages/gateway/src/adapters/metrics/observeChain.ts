import type { ChainReader } from '../../core/ChainReader.ts';
import type { GatewayMetrics } from './createGatewayMetrics.ts';
import { withRpcErrorCount } from './withRpcErrorCount.ts';

/** A network watcher's chain reader and range hook, reporting RPC errors and progress to `metrics`. */
export function observeChain(
  chain: ChainReader,
  networkKey: string,
  metrics: Pick<GatewayMetrics, 'countRpcError' | 'observeWatcher'> | undefined,
): {
  readonly chain: ChainReader;
  readonly onRangeCommitted?: (range: { readonly headBlock: bigint; readonly toBlock: bigint }) => void;
} {
  if (metrics === undefined) return { chain };
  return {
    chain: withRpcErrorCount(chain, (endpoint) => metrics.countRpcError(networkKey, endpoint)),
    onRangeCommitted: ({ headBlock, toBlock }) =>
      metrics.observeWatcher(networkKey, { headBlock, nextBlock: toBlock + 1n }),
  };
}
