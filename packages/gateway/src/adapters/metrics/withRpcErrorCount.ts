import type { ChainReader } from '../../core/ChainReader.ts';

/**
 * Wraps a chain reader so every failed JSON-RPC call is told to `onError` with the endpoint's host
 * (`eth.example-rpc.com`, or `host:port`): never the URL, whose path or user part often holds an
 * API key. Errors that name no URL (a reorg met during a scan) are not RPC failures and not counted.
 */
export function withRpcErrorCount(reader: ChainReader, onError: (endpoint: string) => void): ChainReader {
  const counted = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      const endpoint = findEndpoint(error);
      if (endpoint !== null) onError(endpoint);
      throw error;
    }
  };
  return {
    // Whatever else the reader offers (a head subscription) passes through untouched.
    ...reader,
    getHead: () => counted(() => reader.getHead()),
    getBlock: (blockNumber) => counted(() => reader.getBlock(blockNumber)),
    scanBlockRange: (range) => counted(() => reader.scanBlockRange(range)),
    ...(reader.getFinalizedBlockNumber === undefined
      ? {}
      : { getFinalizedBlockNumber: () => counted(() => (reader.getFinalizedBlockNumber as () => Promise<bigint>)()) }),
  };
}

/** The host of the first URL in the error's cause chain (viem's transport errors carry `url`). */
function findEndpoint(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Object && depth < 10; depth++) {
    const { url, cause } = current as { url?: unknown; cause?: unknown };
    if (typeof url === 'string') return URL.canParse(url) ? new URL(url).host : 'unknown';
    current = cause;
  }
  return null;
}
