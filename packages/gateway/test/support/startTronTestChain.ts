import { describeTronDevNetwork, TRON_DEV_XPUB } from '../../src/adapters/chains/tron/describeTronDevNetwork.ts';
import { startTronApiSimulator } from '../../src/adapters/chains/tron/startTronApiSimulator.ts';
import type { Network } from '../../src/core/network.ts';
import { type DevChain, startDevChain } from '../fixtures/devChain.ts';
import { createPayer, type Payer } from './createPayer.ts';

/** The TRON account key of anvil's mnemonic (`m/44'/195'/0'`): deposit address i is `m/44'/195'/0'/0/i`. */
export const TRON_TEST_XPUB = TRON_DEV_XPUB;

export type TronTestChain = {
  readonly chain: DevChain;
  /** A `TRON` network over the anvil chain: USDT (TRC-20, 6 decimals) and TRX (6 decimals). */
  readonly network: Network;
  readonly payer: Payer;
  stop(): Promise<void>;
};

/**
 * An anvil chain behind the TRON API simulator, read as a TRON network: JSON-RPC at `/jsonrpc`, the
 * HTTP API beside it, `finalized` two blocks behind the head (as a TRON block is solidified a
 * number of blocks later), T… addresses on every surface. Automine: a payment is its own block.
 * It is the sandbox's network under the built-in key `TRON`, with its 19 confirmations and TRONSCAN
 * links: pages and replies look as in production, and a test sees that finality, not the count,
 * confirms a payment.
 */
export async function startTronTestChain(): Promise<TronTestChain> {
  const chain = await startDevChain({ slotsInAnEpoch: 1 });
  const simulator = await startTronApiSimulator({ rpcUrl: chain.rpcUrl }).catch(async (error: unknown) => {
    await chain.stop();
    throw error;
  });
  const network = describeTronDevNetwork({
    chainId: chain.chainId,
    rpcUrl: `${simulator.url}/jsonrpc`,
    httpApiUrl: simulator.url,
    tokenContracts: { USDT: chain.tokens.USDT },
    key: 'TRON',
  });
  return {
    chain,
    // Not the sandbox's simulation any more: it stands for the real TRON network in these tests.
    network: { ...withoutSimulated(network), confirmations: 19, explorerUrl: 'https://tronscan.org' },
    payer: createPayer(chain.rpcUrl, chain.testAccount.privateKey),
    stop: async () => {
      await simulator.stop();
      await chain.stop();
    },
  };
}

function withoutSimulated(network: Network): Network {
  const { isSimulated: _simulated, ...rest } = network;
  return rest;
}
