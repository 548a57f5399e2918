import type { ChainReader } from '../../core/ChainReader.ts';
import type { Network } from '../../core/network.ts';
import { type CreateEvmChainReaderOptions, createEvmChainReader } from './evm/createEvmChainReader.ts';
import { createTronChainReader } from './tron/createTronChainReader.ts';

/**
 * The watcher's reader for a network, by its kind: the one place outside `chains/<kind>/` that
 * names the kinds' readers (they load viem, so the kinds themselves do not hold them).
 */
export function createChainReader(network: Network, options: CreateEvmChainReaderOptions = {}): ChainReader {
  switch (network.kind.name) {
    case 'evm':
      return createEvmChainReader(network, options);
    case 'tron':
      return createTronChainReader(network, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  }
}
