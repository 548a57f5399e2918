import path from 'node:path';
import { type PrepareDevChainReturnType, prepareDevChain } from '../../adapters/chains/evm/prepareDevChain.ts';
import { startAnvil } from '../../adapters/chains/evm/startAnvil.ts';
import { describeTronDevNetwork, TRON_DEV_CHAIN_ID } from '../../adapters/chains/tron/describeTronDevNetwork.ts';
import { startTronApiSimulator } from '../../adapters/chains/tron/startTronApiSimulator.ts';

const TRON_ANVIL_STATE_FILE = 'anvil-tron-state.json';
const TRON_DEV_CHAIN_FILE = 'tron-dev-chain.json';

export type StartTronSandboxChainParameters = {
  readonly dataDir: string;
  /** Collects what must be stopped on the way out (the simulator, then its anvil). */
  readonly cleanups: (() => Promise<void>)[];
  /** Ctrl-C: checked between the slow steps. */
  readonly signal: AbortSignal;
};

/** The simulated TRON network: `rpcUrl` its JSON-RPC (`<httpApiUrl>/jsonrpc`), `httpApiUrl` its `/wallet/…` API. */
export type TronSandboxChain = {
  readonly rpcUrl: string;
  readonly httpApiUrl: string;
  readonly chain: PrepareDevChainReturnType;
};

/**
 * The sandbox's simulated TRON network: a second anvil (its state in the data dir) behind the TRON
 * API simulator, with test USDT and the funded test account; null when a stop was requested
 * meanwhile. It mines a block a second, and its `finalized` block trails the head by two (one slot
 * per epoch), so a payment is final two blocks on as a solidified TRON block is, a few seconds later.
 */
export async function startTronSandboxChain(p: StartTronSandboxChainParameters): Promise<TronSandboxChain | null> {
  const anvil = await startAnvil({
    stateFile: path.join(p.dataDir, TRON_ANVIL_STATE_FILE),
    chainId: TRON_DEV_CHAIN_ID,
    blockTimeSeconds: 1,
    slotsInAnEpoch: 1,
  });
  p.cleanups.push(anvil.stop);
  const simulator = await startTronApiSimulator({ rpcUrl: anvil.rpcUrl });
  p.cleanups.push(simulator.stop);
  if (p.signal.aborted) return null;
  const rpcUrl = `${simulator.url}/jsonrpc`;
  const httpApiUrl = simulator.url;
  const chain = await prepareDevChain({
    rpcUrl,
    tokensFile: path.join(p.dataDir, TRON_DEV_CHAIN_FILE),
    tokens: [{ symbol: 'USDT', name: 'Tether USD' }],
    describeNetwork: ({ chainId, tokenContracts }) =>
      describeTronDevNetwork({ chainId, rpcUrl, httpApiUrl, tokenContracts }),
  });
  if (chain.wasReset) {
    process.stderr.write(
      'kassa dev: the simulated TRON chain was reset (its state file is gone): TRON_DEV payments recorded before are no longer on it and will be marked failed\n',
    );
  }
  if (p.signal.aborted) return null;
  return { rpcUrl, httpApiUrl, chain };
}
