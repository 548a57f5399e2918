// Risk: get/network/height/info and coin/all report heights the watcher never reached, or call an idle chain's live watcher lagging (or a dead one healthy).
import { createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from './fixtures/devChain.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

let chain: DevChain;
beforeAll(async () => {
  chain = await startDevChain();
});
afterAll(async () => chain?.stop());

// One database is enough: the cursor round trip through both is covered by the watcher's own suite.
const [database] = testDatabases();

describe('network heights from a running watcher', () => {
  let t: TestGateway;
  let stopWorkers: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (database === undefined) throw new Error('no test database');
    t = await startTestGateway(database, {
      networks: [chain.network],
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
    });
  });
  afterAll(async () => {
    await stopWorkers?.();
    await t?.stop();
  });

  const statuses = async () =>
    (await t.client.getCoins()).list.flatMap((coin) => coin.tokens.map((token) => token.status));
  const waitUntil = async (isDone: () => Promise<boolean>) => {
    const deadlineMs = Date.now() + 10_000;
    while (!(await isDone())) {
      if (Date.now() > deadlineMs) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('is under maintenance before the watcher ever ran, with height 0', async () => {
    expect(await statuses()).toEqual([2, 2, 2]);
    expect(await t.client.getNetworkHeights()).toEqual([
      { chain: 'DEV', current_chain_height: 0, tx_confirm_block_num: 1, block_rate: 1 },
    ]);
  });

  it("reports the chain's head once the watcher follows it, and stays normal while the chain is idle", async () => {
    stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: { pollIntervalMs: 20 } });
    const head = Number(await createPublicClient({ transport: http(chain.rpcUrl) }).getBlockNumber());
    await waitUntil(async () => (await t.client.getNetworkHeights())[0]?.current_chain_height === head);
    expect(await statuses()).toEqual([1, 1, 1]);
    // No block is mined for ten minutes: the watcher's heartbeat keeps the network normal.
    for (let minute = 0; minute < 10; minute++) {
      t.clock.advance(60_000);
      const writtenAtMs = t.clock.now();
      await waitUntil(async () => (await t.gateway.deps.store.chain.listCursors())[0]?.updatedAtMs === writtenAtMs);
    }
    expect(await statuses()).toEqual([1, 1, 1]);
    expect((await t.client.getNetworkHeights())[0]?.current_chain_height).toBe(head);
  });

  it('turns to maintenance once the watcher stops', async () => {
    await stopWorkers?.();
    stopWorkers = undefined;
    t.clock.advance(120_000);
    expect(await statuses()).toEqual([1, 1, 1]);
    t.clock.advance(1);
    expect(await statuses()).toEqual([2, 2, 2]);
  });
});
