import type { Network } from '../../src/core/network.ts';
import { type DevChain, startDevChain } from '../fixtures/devChain.ts';
import { createPayer, type Payer } from './createPayer.ts';

export type PayingDevChain = {
  readonly chain: DevChain;
  /** The chain's `DEV` network with the test's changes (confirmations, finality depth). */
  readonly network: Network;
  /** Pays from the chain's funded test account. */
  readonly payer: Payer;
};

/** Starts a dev chain for end-to-end watcher tests; stop it with `chain.stop()`. */
export async function startPayingDevChain(changes: Partial<Network>): Promise<PayingDevChain> {
  const chain = await startDevChain();
  return {
    chain,
    network: { ...chain.network, ...changes },
    payer: createPayer(chain.rpcUrl, chain.testAccount.privateKey),
  };
}
