// Risk: an RPC outage (the node stopped and restarted) stalls the watcher for good, skips blocks, or fails payments it already confirmed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestClient, http, parseEther, toHex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTokenId } from '../src/adapters/chains/evm/deriveTokenId.ts';
import { EVM_NETWORK_KIND } from '../src/adapters/chains/evm/evmNetworkKind.ts';
import {
  ANVIL_DEFAULT_MNEMONIC,
  type StartAnvilReturnType,
  startAnvil,
} from '../src/adapters/chains/evm/startAnvil.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
import type { Network } from '../src/core/network.ts';
import { DEV_CHAIN_XPUB } from './fixtures/devChain.ts';
import { createPayer, type Payer } from './support/createPayer.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

describe.each(testDatabases())('chain watcher across a node restart ($kind)', (database) => {
  let anvil: StartAnvilReturnType;
  let stateDir: string;
  let network: Network;
  let payer: Payer;
  let t: TestGateway;

  beforeAll(async () => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'kassa-anvil-'));
    anvil = await startAnvil({ stateFile: path.join(stateDir, 'state.json') });
    // A payer outside the deposit xpub (anvil's own accounts are its first ten addresses).
    const hdKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 1 }).getHdKey();
    const privateKey = toHex(hdKey.privateKey as Uint8Array);
    payer = createPayer(anvil.rpcUrl, privateKey);
    await createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) }).setBalance({
      address: mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 1 }).address,
      value: parseEther('100'),
    });
    network = {
      key: 'DEV',
      kind: EVM_NETWORK_KIND,

      chainId: anvil.chainId,
      standard: 'ERC20',
      rpcUrls: [anvil.rpcUrl],
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
    t = await startTestGateway(database, {
      networks: [network],
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
    });
    t.gateway.startWorkers({
      roles: ['watcher'],
      watcher: { pollIntervalMs: 20, initialBackoffMs: 20, maxBackoffMs: 100 },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await anvil?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  async function createEthOrder(id: string) {
    await t.client.createCheckoutUrl({ merchant_order_id: id, product_price: '2', product_name: id });
    const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, [id]);
    if (order === undefined) throw new Error('order not stored');
    return selectCoin(t.gateway.deps, { order, tokenId: network.tokens[0]?.tokenId as string });
  }

  async function waitForStatus(id: string, status: string) {
    const deadlineMs = Date.now() + 15_000;
    for (;;) {
      const [info] = await t.client.getOrders([id]);
      if (info?.order_detail.status === status) return info;
      if (Date.now() > deadlineMs)
        throw new Error(`timed out waiting for ${id} to be ${status}: ${JSON.stringify(info)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('resumes from its cursor once the node is back, keeping what it confirmed', async () => {
    const before = await createEthOrder('before');
    await payer.payNative(before.address, before.amount);
    await waitForStatus('before', 'Successful');

    await anvil.stop();
    // The watcher meets connection errors and backs off meanwhile.
    await new Promise((r) => setTimeout(r, 300));
    const after = await createEthOrder('after');
    anvil = await startAnvil({ stateFile: path.join(stateDir, 'state.json'), port: anvil.port });

    await payer.payNative(after.address, after.amount);
    const info = await waitForStatus('after', 'Successful');
    expect(info.trade_list).toMatchObject([{ status: 'Successful', amount: '0.001' }]);
    const [kept] = await t.client.getOrders(['before']);
    expect(kept?.order_detail.status).toBe('Successful');
    expect(kept?.trade_list).toMatchObject([{ status: 'Successful' }]);
  });
});
