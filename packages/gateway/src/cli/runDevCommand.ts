import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createDevWallet } from '../adapters/chains/evm/createDevWallet.ts';
import { type PrepareDevChainReturnType, prepareDevChain } from '../adapters/chains/evm/prepareDevChain.ts';
import { startAnvil } from '../adapters/chains/evm/startAnvil.ts';
import { createWebhookInbox } from '../adapters/http/dev/createWebhookInbox.ts';
import { DEV_INBOX_RECEIVE_PATH, registerDevRoutes } from '../adapters/http/dev/registerDevRoutes.ts';
import { renderDevWalletPanel } from '../adapters/http/dev/renderDevWalletPanel.ts';
import { createApp } from '../app/createApp.ts';
import type { Deps } from '../app/Deps.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { createGateway } from '../main.ts';
import { parseCommandArgs, readPortOption, UsageError } from './parseCommandArgs.ts';

/** What `kassa dev --json` prints and `data/sandbox.json` holds; scripts rely on these keys. */
export type SandboxInfo = {
  readonly app_id: string;
  readonly app_secret: string;
  readonly public_url: string;
  readonly rpc_url: string;
  readonly chain_id: number;
  readonly test_account: { readonly address: string; readonly private_key: string };
  readonly tokens: readonly {
    readonly token_id: string;
    readonly crypto: string;
    readonly chain: string;
    readonly contract: string;
    readonly decimals: number;
  }[];
};

/** The files `kassa dev` keeps in the data dir. */
const SANDBOX_FILE = 'sandbox.json';
const ANVIL_STATE_FILE = 'anvil-state.json';
const DEV_CHAIN_FILE = 'dev-chain.json';
const SANDBOX_APP_NAME = 'Sandbox';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * `kassa dev` (what `npm start` runs): a complete sandbox in one process. SQLite in the data dir, a
 * local anvil devnet (its state kept in the data dir) with test USDT and USDC, a sandbox app whose
 * webhooks go to the built-in inbox, the sandbox wallet on checkout pages, and every worker. Runs
 * until SIGINT or SIGTERM, then stops everything, anvil included.
 */
export async function runDevCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'rpc-url': { type: 'string' },
    'log-level': { type: 'string' },
    json: { type: 'boolean' },
  });
  const port = readPortOption(values.port);
  // The sandbox app's webhook URL and the printed public URL must name the real port.
  if (port === 0) throw new UsageError('--port 0 is not supported by kassa dev: give a port number');
  const logLevel = readLogLevel(values['log-level']);
  const rpcUrl = values['rpc-url'];
  if (rpcUrl !== undefined && !/^https?:\/\/\S+$/.test(rpcUrl))
    throw new UsageError('--rpc-url must be an http(s) URL');
  const config = loadConfig({
    mode: 'dev',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    overrides: {
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(port === undefined ? {} : { port }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    },
  });
  mkdirSync(config.dataDir, { recursive: true });

  // Listening from the first moment: Ctrl-C while anvil starts or tokens deploy must still clean up.
  const stopRequested = new AbortController();
  const onSignal = () => stopRequested.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const cleanups: (() => Promise<void>)[] = [];
  const status = (message: string) => {
    if (values.json !== true) process.stderr.write(`${message}\n`);
  };
  try {
    // Before anvil starts: a second sandbox on the same data dir must not load (and later overwrite) its chain state.
    await assertAddressFree(config.server.host, config.server.port);
    let chainRpcUrl = rpcUrl;
    if (chainRpcUrl === undefined) {
      status('starting the local devnet (anvil) …');
      const anvil = await startAnvil({ stateFile: path.join(config.dataDir, ANVIL_STATE_FILE) });
      cleanups.push(anvil.stop);
      chainRpcUrl = anvil.rpcUrl;
    }
    if (stopRequested.signal.aborted) return 0;
    status('preparing test tokens and the test account …');
    const chain = await prepareDevChain({ rpcUrl: chainRpcUrl, tokensFile: path.join(config.dataDir, DEV_CHAIN_FILE) });
    if (chain.wasReset) {
      process.stderr.write(
        'kassa dev: the devnet was reset (its state file is gone): payments recorded before are no longer on the chain and will be marked failed; delete the data dir for a clean start\n',
      );
    }
    if (stopRequested.signal.aborted) return 0;

    const payerAddress = chain.testAccount.address;
    const gateway = await createGateway(config, {
      networks: [chain.network, ...config.networks.filter((n) => n.key !== chain.network.key)],
      logger: { level: logLevel, stream: process.stderr },
      checkoutDevPanel: (state) => renderDevWalletPanel({ state, payerAddress }),
    });
    cleanups.push(() => gateway.close());
    const { appId, appSecret } = await ensureSandboxApp(gateway.deps, {
      file: path.join(config.dataDir, SANDBOX_FILE),
      webhookUrl: `${config.server.publicUrl}${DEV_INBOX_RECEIVE_PATH}`,
    });
    await gateway.http.register(registerDevRoutes, {
      deps: gateway.deps,
      kassaDb: gateway.kassaDb,
      wallet: createDevWallet({ rpcUrl: chainRpcUrl, privateKey: chain.testAccount.privateKey }),
      inbox: createWebhookInbox({ apps: gateway.deps.store.apps, clock: gateway.deps.clock }),
    });
    const info = describeSandbox({ appId, appSecret, publicUrl: config.server.publicUrl, rpcUrl: chainRpcUrl, chain });
    // Written before listening: whoever finds the server up also finds this run's RPC URL in the file.
    writeSandboxFile(path.join(config.dataDir, SANDBOX_FILE), info);
    await listenOrExplain(() => gateway.listen(), `${config.server.host}:${config.server.port}`);
    // A local chain mines on demand: polling it often costs nothing and makes payments show at once.
    gateway.startWorkers({
      roles: ['watcher', 'expirer', 'rates', 'dispatcher'],
      watcher: { pollIntervalMs: 100, initialBackoffMs: 200, maxBackoffMs: 2_000 },
      expirerIntervalMs: 1_000,
      dispatcher: { pollIntervalMs: 100 },
    });

    process.stdout.write(values.json === true ? `${JSON.stringify(info)}\n` : formatBanner(info, config.dataDir));
    if (!stopRequested.signal.aborted) {
      await new Promise((resolve) => stopRequested.signal.addEventListener('abort', resolve, { once: true }));
    }
    status('stopping …');
    return 0;
  } finally {
    // Newest first: the gateway (and its workers, which read the chain) stops before the devnet.
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        // Recorded and carried on: the devnet must stop even when the gateway did not close cleanly.
        process.stderr.write(`kassa dev: stopping failed: ${(error as Error).message}\n`);
      }
    }
    // Removed last, so a second Ctrl-C during shutdown does not kill the process before anvil is down.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * The sandbox app: created once and remembered in `sandbox.json`; re-created when the database no
 * longer has it (deleted, or another database), and its webhook URL kept pointing at this run's inbox.
 */
async function ensureSandboxApp(
  deps: Deps,
  { file, webhookUrl }: { file: string; webhookUrl: string },
): Promise<{ appId: string; appSecret: string }> {
  const saved = readSandboxCredentials(file);
  if (saved !== null) {
    const app = await deps.store.apps.findApp(saved.appId);
    if (app !== null && app.secret === saved.appSecret) {
      if (app.webhookUrl !== webhookUrl)
        await deps.store.apps.updateSettings(app.appId, { webhookUrl }, deps.clock.now());
      return saved;
    }
  }
  return createApp(deps, { name: SANDBOX_APP_NAME, webhookUrl });
}

function readSandboxCredentials(file: string): { appId: string; appSecret: string } | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON (delete it and kassa dev creates a new sandbox app): ${(error as Error).message}`,
    );
  }
  const { app_id: appId, app_secret: appSecret } = (parsed ?? {}) as Partial<Record<string, unknown>>;
  return typeof appId === 'string' && typeof appSecret === 'string' ? { appId, appSecret } : null;
}

function writeSandboxFile(file: string, info: SandboxInfo): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created; an older file may have been looser.
  chmodSync(file, 0o600);
}

function describeSandbox(p: {
  appId: string;
  appSecret: string;
  publicUrl: string;
  rpcUrl: string;
  chain: PrepareDevChainReturnType;
}): SandboxInfo {
  return {
    app_id: p.appId,
    app_secret: p.appSecret,
    public_url: p.publicUrl,
    rpc_url: p.rpcUrl,
    chain_id: p.chain.chainId,
    test_account: { address: p.chain.testAccount.address, private_key: p.chain.testAccount.privateKey },
    tokens: p.chain.network.tokens.map((token) => ({
      token_id: token.tokenId,
      crypto: token.symbol,
      chain: token.networkKey,
      contract: token.contract ?? p.chain.chainId.toString(),
      decimals: token.decimals,
    })),
  };
}

function formatBanner(info: SandboxInfo, dataDir: string): string {
  const tokens = info.tokens.map((t) => `${t.crypto} ${t.contract} (token_id ${t.token_id})`);
  return [
    '',
    'Kassa sandbox is running.',
    '',
    `  Public URL     ${info.public_url}`,
    `  App id         ${info.app_id}`,
    `  App secret     ${info.app_secret}`,
    `  Webhook inbox  ${info.public_url}/dev/inbox`,
    `  Devnet RPC     ${info.rpc_url} (chain id ${info.chain_id})`,
    `  Test account   ${info.test_account.address}`,
    `  Its key        ${info.test_account.private_key} (public devnet key: never send real funds to it)`,
    `  Tokens         ${tokens.join('\n                 ')}`,
    '',
    `Everything above is also in ${path.join(dataDir, SANDBOX_FILE)}.`,
    'Try `npm run demo`, or create an order with curl (README.md). Ctrl-C stops Kassa and the devnet.',
    '',
  ].join('\n');
}

/** Fails with a one-line explanation when something already listens on the sandbox's address. */
function assertAddressFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(`${host}:${port} is already in use (another kassa dev?): stop it or pass --port`)
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function listenOrExplain(listen: () => Promise<string>, address: string): Promise<void> {
  try {
    await listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`${address} is already in use (another kassa dev?): stop it or pass --port`);
    }
    throw error;
  }
}

function readLogLevel(text: string | undefined): LogLevel {
  if (text === undefined) return 'warn';
  if (!(LOG_LEVELS as readonly string[]).includes(text))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  return text as LogLevel;
}
