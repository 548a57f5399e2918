// Risk: following the head by websocket skips blocks or counts a payment twice when the socket drops or the node restarts, or never comes back, or does not wake the watcher at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestClient, http, parseEther, toHex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmChainReader } from '../src/adapters/chains/evm/createEvmChainReader.ts';
import { deriveTokenId } from '../src/adapters/chains/evm/deriveTokenId.ts';
import { EVM_NETWORK_KIND } from '../src/adapters/chains/evm/evmNetworkKind.ts';
import {
  ANVIL_DEFAULT_MNEMONIC,
  type StartAnvilReturnType,
  startAnvil,
} from '../src/adapters/chains/evm/startAnvil.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
import type { Network } from '../src/core/network.ts';
import { type CommittedRange, startChainWatcher } from '../src/workers/startChainWatcher.ts';
import type { WorkerLogger } from '../src/workers/WorkerLogger.ts';
import { DEV_CHAIN_XPUB } from './fixtures/devChain.ts';
import { createPayer, type Payer } from './support/createPayer.ts';
import { startTcpProxy, type TcpProxy } from './support/startTcpProxy.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

// Polling this slowly finds nothing within a test: whatever is seen in time was announced.
const SLOW_POLL_MS = 60_000;
const FAST_MS = 2_000;
const SUBSCRIBED = 'chain watcher follows the head by newHeads subscription';

let stateDir: string;
let anvil: StartAnvilReturnType;
let proxy: TcpProxy;
let payer: Payer;
let network: Network;

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'kassa-anvil-ws-'));
  anvil = await startAnvil({ stateFile: path.join(stateDir, 'state.json') });
  // The watcher's websocket goes through a proxy the test can cut; its HTTP fallback goes straight to anvil.
  proxy = await startTcpProxy(anvil.port);
  const payerAccount = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 1 });
  payer = createPayer(anvil.rpcUrl, toHex(payerAccount.getHdKey().privateKey as Uint8Array));
  await createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) }).setBalance({
    address: payerAccount.address,
    value: parseEther('100'),
  });
  network = {
    key: 'DEV',
    kind: EVM_NETWORK_KIND,

    chainId: anvil.chainId,
    standard: 'ERC20',
    rpcUrls: [`ws://127.0.0.1:${proxy.port}`, anvil.rpcUrl],
    confirmations: 1,
    blockTimeSeconds: 1,
    xpub: DEV_CHAIN_XPUB,
    tokens: [
      {
        tokenId: deriveTokenId('DEV', null),
        networkKey: 'DEV',
        symbol: 'ETH',
        name: 'Ether',
        contract: null,
        decimals: 18,
        isStable: false,
      },
    ],
  };
});
afterAll(async () => {
  await proxy?.stop();
  await anvil?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe.each(testDatabases())('following the head by newHeads subscription ($kind)', (database) => {
  let t: TestGateway;
  const stop = new AbortController();
  let watching: Promise<void>;
  const ranges: CommittedRange[] = [];
  const logged: { level: string; message: string }[] = [];
  const logger: WorkerLogger = {
    info: (_fields, message) => logged.push({ level: 'info', message }),
    warn: (_fields, message) => logged.push({ level: 'warn', message }),
    error: (_fields, message) => logged.push({ level: 'error', message }),
  };
  const timesSubscribed = () => logged.filter((entry) => entry.message === SUBSCRIBED).length;

  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [network],
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
    });
    watching = startChainWatcher(t.gateway.deps, {
      network,
      chain: createEvmChainReader(network, { initialBackoffMs: 20, maxBackoffMs: 200 }),
      signal: stop.signal,
      pollIntervalMs: SLOW_POLL_MS,
      subscribedPollIntervalMs: SLOW_POLL_MS,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
      logger,
      onRangeCommitted: (range) => ranges.push(range),
    });
    await waitUntil(() => timesSubscribed() === 1 && ranges.length > 0, 'the first subscription');
  });
  afterAll(async () => {
    stop.abort();
    await watching;
    await t?.stop();
  });

  async function payOrder(id: string) {
    await t.client.createCheckoutUrl({ merchant_order_id: id, product_price: '2', product_name: id });
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, [id]);
    if (order === undefined) throw new Error('order not stored');
    const quote = await selectCoin(t.gateway.deps, { order, tokenId: network.tokens[0]?.tokenId as string });
    return payer.payNative(quote.address, quote.amount);
  }

  /** How long after its payment was mined the order showed as paid. */
  async function msUntilPaid(id: string, paidAtMs: number, limitMs: number): Promise<number> {
    await waitUntil(async () => (await t.client.getOrders([id]))[0]?.order_detail.status === 'Successful', id, limitMs);
    return performance.now() - paidAtMs;
  }

  it('an announced block wakes the watcher: paid within 2 s although it polls once a minute', async () => {
    await payOrder('woken');
    expect(await msUntilPaid('woken', performance.now(), 5_000)).toBeLessThan(FAST_MS);
  });

  it('a dropped socket and a node restart in a run of blocks: every block scanned once, every payment once, and the subscription back', async () => {
    const firstBlock = (ranges[0] as CommittedRange).fromBlock;
    const miner = mineInBackground();
    await payOrder('before');
    proxy.cut();
    await waitUntil(
      () => logged.some((entry) => entry.message.startsWith('newHeads subscription is down')),
      'the drop',
    );
    // Mined while no announcement can reach the watcher, which does not poll in this test's time
    // (the steps already under way at the cut may still see it: this is about blocks, not timing).
    await payOrder('while-cut');
    await new Promise((r) => setTimeout(r, 200));
    proxy.resume();
    await waitUntil(() => timesSubscribed() === 2, 'the subscription after the cut');
    await msUntilPaid('while-cut', performance.now(), 5_000);

    // The node itself goes away (state kept) and comes back on its port: the socket drops again.
    await anvil.stop();
    anvil = await startAnvil({ stateFile: path.join(stateDir, 'state.json'), port: anvil.port });
    await payOrder('after-restart');
    await waitUntil(() => timesSubscribed() === 3, 'the subscription after the restart');
    const sent = await payOrder('after-reconnect');
    const paidAtMs = performance.now();
    expect(await msUntilPaid('after-reconnect', paidAtMs, 5_000)).toBeLessThan(FAST_MS);
    await miner.stop();

    for (const id of ['before', 'while-cut', 'after-restart', 'after-reconnect']) {
      const [info] = await t.client.getOrders([id]);
      expect(info?.trade_list, id).toMatchObject([{ status: 'Successful', amount: '0.001' }]);
    }
    // One unbroken run of ranges, each block once, and no rewind: the restarted node kept its chain.
    const head = sent.blockNumber;
    expect(ranges.map((r) => r.fromBlock)).toEqual(
      ranges.map((_r, i) => (i === 0 ? firstBlock : (ranges[i - 1] as CommittedRange).toBlock + 1n)),
    );
    expect((ranges.at(-1) as CommittedRange).toBlock).toBeGreaterThanOrEqual(head);
    expect(logged.filter((entry) => entry.level !== 'info' && /reorganised/.test(entry.message))).toEqual([]);
    expect(logged.some((entry) => entry.message.startsWith('newHeads subscription is down'))).toBe(true);
  });
});

/** Mines an empty block every 30 ms until stopped; a node that is down meanwhile is skipped. */
function mineInBackground(): { stop(): Promise<void> } {
  let isStopped = false;
  const loop = (async () => {
    while (!isStopped) {
      await payer.mine(1).catch(() => {});
      await new Promise((r) => setTimeout(r, 30));
    }
  })();
  return {
    async stop() {
      isStopped = true;
      await loop;
    },
  };
}

async function waitUntil(isDone: () => boolean | Promise<boolean>, what: string, limitMs = 10_000): Promise<void> {
  const deadlineMs = performance.now() + limitMs;
  while (!(await isDone())) {
    if (performance.now() > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
