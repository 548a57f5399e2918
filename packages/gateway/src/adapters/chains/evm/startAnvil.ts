import { type ChildProcess, spawn } from 'node:child_process';
import { resolveAnvilBinary } from './resolveAnvilBinary.ts';

/**
 * The mnemonic anvil uses when none is given (Hardhat's and Foundry's well-known dev phrase). Its
 * keys are public: anything sent to its addresses on a real network is taken within seconds.
 */
export const ANVIL_DEFAULT_MNEMONIC = 'test test test test test test test test test test test junk';

/**
 * Account 0 of {@link ANVIL_DEFAULT_MNEMONIC} at anvil's path `m/44'/60'/0'/0/0`, funded with
 * 10,000 ETH on a fresh anvil chain. Dev and test use only.
 */
export const ANVIL_DEFAULT_ACCOUNT = {
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
} as const;

/** Anvil's chain id when none is given. */
export const ANVIL_DEFAULT_CHAIN_ID = 31337;

const STARTUP_TIMEOUT_MS = 20_000;
// Dumping a large state file on exit can take a moment; past this, the node is killed outright.
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_CHARS = 4_000;

export type StartAnvilParameters = {
  /** 0 or absent: anvil binds a free loopback port itself (no race between picking and binding). */
  readonly port?: number;
  /** Persist chain state across restarts (`anvil --state`): loaded at start if present, written on stop. */
  readonly stateFile?: string;
  readonly chainId?: number;
  /** Interval mining; absent: automine (one block per transaction, mined at once). */
  readonly blockTimeSeconds?: number;
  readonly mnemonic?: string;
  /** `--hardfork` (e.g. `cancun`, before EIP-7702); absent: anvil's default, the newest it knows. */
  readonly hardfork?: string;
  /**
   * `--slots-in-an-epoch`: anvil's `finalized` block trails the head by twice this (default 32).
   * The TRON sandbox sets 1, so a payment is final two blocks on, as a solidified TRON block is.
   */
  readonly slotsInAnEpoch?: number;
};

export type StartAnvilReturnType = {
  readonly rpcUrl: string;
  readonly port: number;
  readonly chainId: number;
  /** SIGTERM, wait for exit (anvil writes its state file then), SIGKILL after a timeout. Idempotent. */
  stop(): Promise<void>;
};

/**
 * Starts a local anvil node on 127.0.0.1 and resolves once its JSON-RPC answers.
 *
 * The node is killed when this process exits normally (`process.on('exit')`); a parent that is
 * itself SIGKILLed cannot clean up, so long-running callers should call `stop()` on shutdown.
 *
 * @example
 * const anvil = await startAnvil({ stateFile: './data/anvil-state.json' });
 * // ... use anvil.rpcUrl
 * await anvil.stop();
 */
export async function startAnvil(parameters: StartAnvilParameters = {}): Promise<StartAnvilReturnType> {
  const chainId = parameters.chainId ?? ANVIL_DEFAULT_CHAIN_ID;
  const args = ['--host', '127.0.0.1', '--port', String(parameters.port ?? 0), '--chain-id', String(chainId)];
  if (parameters.stateFile !== undefined) args.push('--state', parameters.stateFile);
  if (parameters.blockTimeSeconds !== undefined) args.push('--block-time', String(parameters.blockTimeSeconds));
  if (parameters.mnemonic !== undefined) args.push('--mnemonic', parameters.mnemonic);
  if (parameters.hardfork !== undefined) args.push('--hardfork', parameters.hardfork);
  if (parameters.slotsInAnEpoch !== undefined) args.push('--slots-in-an-epoch', String(parameters.slotsInAnEpoch));
  const child = spawn(resolveAnvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolveExit) => {
    child.once('exit', () => resolveExit());
    // A process that never started (EACCES, ENOENT) emits 'error' and never 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) resolveExit();
    });
  });
  void exited.then(() => process.off('exit', killOnExit));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopChild(child, exited);
    return stopping;
  };

  try {
    const port = await waitForListeningPort(child);
    const rpcUrl = `http://127.0.0.1:${port}`;
    await waitForRpc(rpcUrl, chainId, child);
    return { rpcUrl, port, chainId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForListeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let output = '';
    let isSettled = false;
    const settle = (fn: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      fn();
    };
    const onData = (chunk: Buffer) => {
      // Keep only a tail: anvil logs every request, and this buffer lives as long as the node.
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
      const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        const port = Number(match[1]);
        settle(() => resolvePort(port));
      }
    };
    // Both pipes must be drained for the node's whole life, or anvil blocks once a pipe is full.
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => settle(() => reject(new Error('anvil failed to start', { cause: error }))));
    child.once('exit', (code, signal) =>
      settle(() => reject(new Error(`anvil exited during startup (code ${code}, signal ${signal}):\n${output}`))),
    );
    const timer = setTimeout(
      () => settle(() => reject(new Error(`anvil did not listen within ${STARTUP_TIMEOUT_MS} ms:\n${output}`))),
      STARTUP_TIMEOUT_MS,
    );
  });
}

async function waitForRpc(rpcUrl: string, expectedChainId: number, child: ChildProcess): Promise<void> {
  const deadlineMs = Date.now() + STARTUP_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadlineMs && child.exitCode === null) {
    let answeredChainId: number | undefined;
    try {
      answeredChainId = await fetchChainId(rpcUrl);
    } catch (error) {
      lastError = error;
    }
    if (answeredChainId !== undefined) {
      // A state file written by another chain makes anvil answer with that chain's id.
      if (answeredChainId !== expectedChainId) {
        throw new Error(`anvil answers chain id ${answeredChainId}, expected ${expectedChainId}`);
      }
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`anvil RPC at ${rpcUrl} did not answer`, { cause: lastError });
}

async function fetchChainId(rpcUrl: string): Promise<number> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    signal: AbortSignal.timeout(1_000),
  });
  const body = (await response.json()) as { result?: unknown };
  if (typeof body.result !== 'string') throw new Error(`unexpected eth_chainId answer: ${JSON.stringify(body)}`);
  return Number(body.result);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const isTimedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(true), STOP_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (isTimedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}
