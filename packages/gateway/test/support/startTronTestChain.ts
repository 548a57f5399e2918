import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from 'viem/accounts';
import { deriveTokenId } from '../../src/adapters/chains/evm/deriveTokenId.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../src/adapters/chains/evm/startAnvil.ts';
import { startTronApiSimulator } from '../../src/adapters/chains/tron/startTronApiSimulator.ts';
import { TRON_NETWORK_KIND } from '../../src/adapters/chains/tron/tronNetworkKind.ts';
import type { Network } from '../../src/core/network.ts';
import { type DevChain, startDevChain } from '../fixtures/devChain.ts';
import { createPayer, type Payer } from './createPayer.ts';

/** The TRON account key of anvil's mnemonic (`m/44'/195'/0'`): deposit address i is `m/44'/195'/0'/0/i`. */
export const TRON_TEST_XPUB = HDKey.fromMasterSeed(mnemonicToSeedSync(ANVIL_DEFAULT_MNEMONIC)).derive(
  "m/44'/195'/0'",
).publicExtendedKey;

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
 */
export async function startTronTestChain(): Promise<TronTestChain> {
  const chain = await startDevChain({ slotsInAnEpoch: 1 });
  const simulator = await startTronApiSimulator({ rpcUrl: chain.rpcUrl }).catch(async (error: unknown) => {
    await chain.stop();
    throw error;
  });
  const usdt = chain.tokens.USDT.toLowerCase() as `0x${string}`;
  const key = 'TRON';
  const network: Network = {
    key,
    kind: TRON_NETWORK_KIND,
    chainId: chain.chainId,
    standard: 'TRC20',
    rpcUrls: [`${simulator.url}/jsonrpc`],
    httpApiUrls: [simulator.url],
    explorerUrl: 'https://tronscan.org',
    confirmations: 19,
    blockTimeSeconds: 3,
    xpub: TRON_TEST_XPUB,
    tokens: [
      {
        tokenId: deriveTokenId(key, usdt),
        networkKey: key,
        symbol: 'USDT',
        name: 'Tether USD',
        contract: usdt,
        decimals: 6,
        isStable: true,
      },
      {
        tokenId: deriveTokenId(key, null),
        networkKey: key,
        symbol: 'TRX',
        name: 'TRX',
        contract: null,
        decimals: 6,
        isStable: false,
      },
    ],
  };
  return {
    chain,
    network,
    payer: createPayer(chain.rpcUrl, chain.testAccount.privateKey),
    stop: async () => {
      await simulator.stop();
      await chain.stop();
    },
  };
}
