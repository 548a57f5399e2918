// Risk: a watcher log line names a key twice (`network` bound to its logger and written again in its fields), and log pipelines that refuse duplicate keys drop it.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmChainReader } from '../src/adapters/chains/evm/createEvmChainReader.ts';
import type { Network } from '../src/core/network.ts';
import type { DevChain } from './fixtures/devChain.ts';
import type { Payer } from './support/createPayer.ts';
import { FAST_WATCHER_TUNING } from './support/fastWatcherTuning.ts';
import { listDuplicateKeys } from './support/listDuplicateKeys.ts';
import { startPayingDevChain } from './support/startPayingDevChain.ts';
import { startRpcProxy } from './support/startRpcProxy.ts';
import { startTestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

let chain: DevChain;
let network: Network;
let payer: Payer;
let proxy: Awaited<ReturnType<typeof startRpcProxy>>;
// While true, the watcher's RPC answers 500: its step fails and it logs so.
let isRpcCut = false;

beforeAll(async () => {
  ({ chain, network, payer } = await startPayingDevChain({ confirmations: 1 }));
  proxy = await startRpcProxy(async () => {
    if (isRpcCut) throw new Error('RPC cut by the test');
    return chain.rpcUrl;
  });
  network = { ...network, rpcUrls: [proxy.url] };
});
afterAll(async () => {
  await proxy?.stop();
  await chain?.stop();
});

async function until(isDone: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isDone())) {
    if (Date.now() > deadline) throw new Error(`not reached in time: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDatabases())('watcher log lines ($kind)', { timeout: 60_000 }, (database) => {
  it('name each key once: the lock, a step, a failed step, a reorg and the stop', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const t = await startTestGateway(database, { networks: [network], logger: { level: 'info', stream } });
    const messages = () =>
      lines.map((line) => JSON.parse(line) as { worker?: string; msg: string }).filter((l) => l.worker === 'watcher');
    const hasLogged = (text: string) => messages().some((l) => l.msg.includes(text));
    const isAtHead = async () => {
      const head = await createEvmChainReader(network).getHead();
      return (await t.gateway.deps.store.chain.findBlock(network.key, head.blockNumber))?.blockHash === head.blockHash;
    };
    const stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
    try {
      await payer.mine(3);
      await until(isAtHead, 'watcher at the head');
      isRpcCut = true;
      await until(() => hasLogged('step failed'), 'a failed step');
      isRpcCut = false;
      await until(isAtHead, 'watcher back at the head');
      await payer.reorg(2);
      await payer.mine(3);
      await until(() => hasLogged('chain reorganised'), 'a reorg');
    } finally {
      isRpcCut = false;
      await stopWorkers();
      await t.stop();
    }

    const watcherLines = lines.filter((line) => (JSON.parse(line) as { worker?: string }).worker === 'watcher');
    for (const line of watcherLines) {
      expect(listDuplicateKeys(line), line).toEqual([]);
      expect(line.split('"network":').length - 1, line).toBe(1);
      expect(JSON.parse(line)).toMatchObject({ network: network.key });
    }
    const logged = messages().map((l) => l.msg);
    for (const text of ['network lock', 'chain watcher started', 'step failed', 'chain reorganised', 'stopped']) {
      expect(
        logged.some((msg) => msg.includes(text)),
        `${text} in ${logged.join(' | ')}`,
      ).toBe(true);
    }
  });
});
