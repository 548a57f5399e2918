import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createDevWallet } from '../../adapters/chains/evm/createDevWallet.ts';
import { createWebhookInbox } from '../../adapters/http/dev/createWebhookInbox.ts';
import { DEV_INBOX_RECEIVE_PATH, registerDevRoutes } from '../../adapters/http/dev/registerDevRoutes.ts';
import { renderDevWalletPanel } from '../../adapters/http/dev/renderDevWalletPanel.ts';
import type { KassaConfig, LogLevel } from '../../config/KassaConfig.ts';
import { createGateway } from '../../main.ts';
import { describeSweepResult } from '../sweep/describeSweepResult.ts';
import { runSandboxSweep } from '../sweep/runSandboxSweep.ts';
import { describeSandbox } from './describeSandbox.ts';
import { ensureSandboxApp } from './ensureSandboxApp.ts';
import { explainAddressInUse } from './explainAddressInUse.ts';
import { SANDBOX_FILE, type SandboxInfo } from './SandboxInfo.ts';
import type { SandboxChain } from './startSandboxChain.ts';
import { writeSandboxFile } from './writeSandboxFile.ts';

const SANDBOX_TRX_SYMBOL = 'TRX';
/** About TRX's price in 2025; only the sandbox uses it, and it says so in `--json`. */
const SANDBOX_TRX_USD_PRICE = '0.25';

export type StartSandboxGatewayParameters = {
  readonly config: KassaConfig;
  readonly sandboxChain: SandboxChain;
  readonly logLevel: LogLevel;
  /** Collects what must be stopped on the way out (the gateway and its workers). */
  readonly cleanups: (() => Promise<void>)[];
};

/**
 * The gateway of the sandbox: watching the devnet besides the configured networks, with the sandbox
 * app, the dev routes (inbox, wallet) and every worker, listening; resolves to what `kassa dev` prints.
 */
export async function startSandboxGateway({
  config,
  sandboxChain: { rpcUrl, chain, tron },
  logLevel,
  cleanups,
}: StartSandboxGatewayParameters): Promise<SandboxInfo> {
  // One test account pays on every sandbox chain: the same key, the same 20 bytes.
  const { address: payerAddress, privateKey } = chain.testAccount;
  const sandboxNetworks = tron === null ? [chain.network] : [chain.network, tron.chain.network];
  // New at every start: a link printed by an earlier run stops working.
  const consoleDevSignInToken = randomBytes(24).toString('base64url');
  const gateway = await createGateway(tron === null ? config : withSandboxTrxPrice(config), {
    networks: [...sandboxNetworks, ...config.networks.filter((n) => !sandboxNetworks.some((s) => s.key === n.key))],
    logger: { level: logLevel, stream: process.stderr },
    checkoutDevPanel: (state) => renderDevWalletPanel({ state, payerAddress }),
    consoleDevSignInToken,
  });
  cleanups.push(() => gateway.close());
  const sandboxFile = path.join(config.dataDir, SANDBOX_FILE);
  const { appId, appSecret } = await ensureSandboxApp(gateway.deps, {
    file: sandboxFile,
    webhookUrl: `${config.server.publicUrl}${DEV_INBOX_RECEIVE_PATH}`,
  });
  await gateway.http.register(registerDevRoutes, {
    deps: gateway.deps,
    kassaDb: gateway.kassaDb,
    wallet: createDevWallet({ rpcUrl, privateKey }),
    networkWallets:
      tron === null ? {} : { [tron.chain.network.key]: createDevWallet({ rpcUrl: tron.rpcUrl, privateKey }) },
    inbox: createWebhookInbox({ apps: gateway.deps.store.apps, clock: gateway.deps.clock }),
    // Reads sandbox.json, written below before the server listens, so a press always finds it.
    sweep: async () =>
      describeSweepResult(
        await runSandboxSweep({ dataDir: config.dataDir, funds: gateway.deps.store.funds, log: () => {} }),
      ),
  });
  const info = describeSandbox({
    appId,
    appSecret,
    publicUrl: config.server.publicUrl,
    rpcUrl,
    chain,
    tron,
    consoleUrl: `${config.server.publicUrl}/console/dev-sign-in?token=${consoleDevSignInToken}`,
  });
  // Written before listening: whoever finds the server up also finds this run's RPC URL in the file.
  writeSandboxFile(sandboxFile, info);
  await gateway.listen().catch((error: unknown) => {
    throw explainAddressInUse(error, `${config.server.host}:${config.server.port}`);
  });
  // A local chain mines on demand: polling it often costs nothing and makes payments show at once.
  gateway.startWorkers({
    roles: ['watcher', 'expirer', 'rates', 'dispatcher'],
    watcher: { pollIntervalMs: 100, initialBackoffMs: 200, maxBackoffMs: 2_000 },
    expirerIntervalMs: 1_000,
    dispatcher: { pollIntervalMs: 100 },
  });
  return info;
}

/**
 * TRX has no price unless the config gives it one (stablecoins are 1 USD by default; other coins
 * need a fixed price or exchanges, which a laptop may not reach), so the sandbox fixes one: a TRX
 * quote then works offline. A config that prices TRX itself keeps its price.
 */
function withSandboxTrxPrice(config: KassaConfig): KassaConfig {
  const rates = config.rates;
  const isPriced =
    rates.stablecoins.includes(SANDBOX_TRX_SYMBOL) ||
    rates.fixedPrices[SANDBOX_TRX_SYMBOL] !== undefined ||
    rates.exchangeTokens.some((token) => token.symbol === SANDBOX_TRX_SYMBOL);
  if (isPriced) return config;
  return { ...config, rates: { ...rates, fixedPrices: { ...rates.fixedPrices, TRX: SANDBOX_TRX_USD_PRICE } } };
}
