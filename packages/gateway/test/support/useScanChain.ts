import type { Address } from 'viem';
import { afterAll, beforeAll } from 'vitest';
import { createRpcClient } from '../../src/adapters/chains/evm/createRpcClient.ts';
import { deriveDepositAddress } from '../../src/adapters/chains/evm/deriveDepositAddress.ts';
import { scanBlockRange } from '../../src/adapters/chains/evm/scanBlockRange.ts';
import type { Network } from '../../src/core/network.ts';
import { type DevChain, startDevChain } from '../fixtures/devChain.ts';
import { type ChainWallet, createChainWallet } from './createChainWallet.ts';

export type ScanChain = {
  readonly chain: DevChain;
  /** The chain's funded payer. */
  readonly wallet: ChainWallet;
  /** Deposit addresses 0, 1 and 2 of the chain's xpub. */
  readonly watched: readonly Address[];
  /** Scans `fromBlock..toBlock` of `network` (default the chain's) for transfers to `watched` (default the above). */
  scan(
    fromBlock: bigint,
    toBlock: bigint,
    options?: { readonly network?: Network; readonly watched?: readonly string[] },
  ): ReturnType<typeof scanBlockRange>;
};

/** A dev chain for the calling test file's scans: started before its tests, stopped after them. */
export function useScanChain(): ScanChain {
  const started: { chain?: DevChain; wallet?: ChainWallet; watched?: Address[] } = {};
  const need = <T>(value: T | undefined): T => {
    // Only a test or a hook of the file runs after beforeAll; anything earlier is a wiring mistake.
    if (value === undefined) throw new Error('useScanChain: the dev chain is not started yet');
    return value;
  };
  beforeAll(async () => {
    const chain = await startDevChain();
    started.chain = chain;
    started.wallet = createChainWallet(chain.rpcUrl, chain.testAccount.privateKey);
    started.watched = [0, 1, 2].map((i) => deriveDepositAddress(chain.network.xpub, i));
  });
  afterAll(async () => started.chain?.stop());
  return {
    get chain() {
      return need(started.chain);
    },
    get wallet() {
      return need(started.wallet);
    },
    get watched() {
      return need(started.watched);
    },
    scan(fromBlock, toBlock, options = {}) {
      const network = options.network ?? need(started.chain).network;
      const watched = new Set((options.watched ?? need(started.watched)).map((a) => a.toLowerCase()));
      return scanBlockRange({
        client: createRpcClient(network),
        network,
        fromBlock,
        toBlock,
        isWatched: (address) => watched.has(address),
      });
    },
  };
}
