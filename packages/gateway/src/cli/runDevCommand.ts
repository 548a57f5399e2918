import { mkdirSync } from 'node:fs';
import { loadConfig } from '../config/loadConfig.ts';
import { assertAddressFree } from './dev/assertAddressFree.ts';
import { formatSandboxBanner } from './dev/formatSandboxBanner.ts';
import { readDevCommandOptions } from './dev/readDevCommandOptions.ts';
import { startSandboxChain } from './dev/startSandboxChain.ts';
import { startSandboxGateway } from './dev/startSandboxGateway.ts';

/**
 * `kassa dev` (what `npm start` runs): a complete sandbox in one process. SQLite in the data dir, a
 * local anvil devnet (its state kept in the data dir) with test USDT and USDC, a sandbox app whose
 * webhooks go to the built-in inbox, the sandbox wallet on checkout pages, and every worker. Runs
 * until SIGINT or SIGTERM, then stops everything, anvil included.
 */
export async function runDevCommand(args: readonly string[]): Promise<number> {
  const options = readDevCommandOptions(args);
  const config = loadConfig(options.config);
  mkdirSync(config.dataDir, { recursive: true });

  // Listening from the first moment: Ctrl-C while anvil starts or tokens deploy must still clean up.
  const stopRequested = new AbortController();
  const onSignal = () => stopRequested.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const cleanups: (() => Promise<void>)[] = [];
  const status = (message: string) => {
    if (!options.json) process.stderr.write(`${message}\n`);
  };
  try {
    // Before anvil starts: a second sandbox on the same data dir must not load (and later overwrite) its chain state.
    await assertAddressFree(config.server.host, config.server.port);
    const sandboxChain = await startSandboxChain({
      dataDir: config.dataDir,
      rpcUrl: options.rpcUrl,
      cleanups,
      status,
      signal: stopRequested.signal,
    });
    if (sandboxChain === null) return 0;
    const info = await startSandboxGateway({ config, sandboxChain, logLevel: options.logLevel, cleanups });
    process.stdout.write(options.json ? `${JSON.stringify(info)}\n` : formatSandboxBanner(info, config.dataDir));
    if (!stopRequested.signal.aborted) {
      await new Promise((resolve) => stopRequested.signal.addEventListener('abort', resolve, { once: true }));
    }
    status('stopping …');
    return 0;
  } finally {
    await runCleanups(cleanups);
    // Removed last, so a second Ctrl-C during shutdown does not kill the process before anvil is down.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Newest first: the gateway (and its workers, which read the chain) stops before the devnet. */
async function runCleanups(cleanups: (() => Promise<void>)[]): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      // Recorded and carried on: the devnet must stop even when the gateway did not close cleanly.
      process.stderr.write(`kassa dev: stopping failed: ${(error as Error).message}\n`);
    }
  }
}
