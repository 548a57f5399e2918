import path from 'node:path';
import { type PrepareDevChainReturnType, prepareDevChain } from '../../adapters/chains/evm/prepareDevChain.ts';
import { startAnvil } from '../../adapters/chains/evm/startAnvil.ts';
import { startTronSandboxChain, type TronSandboxChain } from './startTronSandboxChain.ts';

const ANVIL_STATE_FILE = 'anvil-state.json';
const DEV_CHAIN_FILE = 'dev-chain.json';

export type StartSandboxChainParameters = {
  readonly dataDir: string;
  /** An external devnet; without it, anvil starts with its state kept in the data dir. */
  readonly rpcUrl: string | undefined;
  /** Collects what must be stopped on the way out (the anvil process). */
  readonly cleanups: (() => Promise<void>)[];
  /** Reports progress to the operator. */
  readonly status: (message: string) => void;
  /** Ctrl-C: checked between the slow steps. */
  readonly signal: AbortSignal;
};

/**
 * `rpcUrl`: the devnet's HTTP URL (wallets, the printed sandbox); `chain.network` may also list its
 * websocket URL. `tron`: the simulated TRON network, null beside an external devnet (`--rpc-url`).
 */
export type SandboxChain = {
  readonly rpcUrl: string;
  readonly chain: PrepareDevChainReturnType;
  readonly tron: TronSandboxChain | null;
};

/**
 * The sandbox's devnet, started (unless `rpcUrl` names one) and readied with the test tokens and
 * the funded test account, and the simulated TRON network beside the devnet it starts; null when
 * a stop was requested meanwhile. An external devnet comes without the TRON one: that takes an
 * anvil of kassa dev's own, and someone who brings their node has asked for that chain alone.
 */
export async function startSandboxChain(p: StartSandboxChainParameters): Promise<SandboxChain | null> {
  let rpcUrl = p.rpcUrl;
  // Anvil serves websockets on its HTTP port: the watcher follows its head by subscription there.
  let wsUrl: string | undefined;
  if (rpcUrl === undefined) {
    p.status('starting the local devnet (anvil) …');
    const anvil = await startAnvil({ stateFile: path.join(p.dataDir, ANVIL_STATE_FILE) });
    p.cleanups.push(anvil.stop);
    rpcUrl = anvil.rpcUrl;
    wsUrl = `ws://127.0.0.1:${anvil.port}`;
  }
  if (p.signal.aborted) return null;
  p.status('preparing test tokens and the test account …');
  const chain = await prepareDevChain({ rpcUrl, tokensFile: path.join(p.dataDir, DEV_CHAIN_FILE) });
  if (chain.wasReset) {
    process.stderr.write(
      'kassa dev: the devnet was reset (its state file is gone): payments recorded before are no longer on the chain and will be marked failed; delete the data dir for a clean start\n',
    );
  }
  if (p.signal.aborted) return null;
  let tron: TronSandboxChain | null = null;
  if (p.rpcUrl === undefined) {
    p.status('starting the simulated TRON network (a second anvil behind a TRON API simulator) …');
    tron = await startTronSandboxChain({ dataDir: p.dataDir, cleanups: p.cleanups, signal: p.signal });
    if (tron === null) return null;
  }
  const rpcUrls = wsUrl === undefined ? [rpcUrl] : [wsUrl, rpcUrl];
  return { rpcUrl, chain: { ...chain, network: { ...chain.network, rpcUrls } }, tron };
}
