// Guards against a scan that mixes two forks: a reorg between its reads, or a lagging RPC node behind a load balancer.
import { type Address, encodeFunctionData } from 'viem';
import { describe, expect, it, onTestFinished } from 'vitest';
import { callRpc } from '../../../../test/support/callRpc.ts';
import { startRpcProxy } from '../../../../test/support/startRpcProxy.ts';
import { useScanChain } from '../../../../test/support/useScanChain.ts';
import { ChainReorgedDuringScanError } from './ChainReorgedDuringScanError.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { ANVIL_DEFAULT_ACCOUNT, type StartAnvilReturnType, startAnvil } from './startAnvil.ts';

const s = useScanChain();

/** Pays deposit address 0 twice, in two blocks, and answers the head. */
async function payTwice(first: bigint, second: bigint): Promise<bigint> {
  const [w0] = s.watched as [Address];
  await s.wallet.receiptOf(await s.wallet.sendToken(s.chain.tokens.USDT, w0, first));
  await s.wallet.receiptOf(await s.wallet.sendToken(s.chain.tokens.USDT, w0, second));
  return s.wallet.getBlockNumber({ cacheTime: 0 });
}

/** Scans `fromBlock..toBlock` of the chain through `proxy`, which is stopped after the test. */
function scanThrough(proxy: { url: string; stop: () => Promise<void> }, fromBlock: bigint, toBlock: bigint) {
  onTestFinished(proxy.stop);
  return s.scan(fromBlock, toBlock, { network: { ...s.chain.network, rpcUrls: [proxy.url] } });
}

describe('scanBlockRange across reorgs', () => {
  it('throws ChainReorgedDuringScanError when the chain reorganises between reading blocks and logs', async () => {
    const head = await payTwice(11n, 12n);
    const { chain } = s;
    const [w0] = s.watched as [Address];
    let hasReorged = false;
    const proxy = await startRpcProxy(async (request) => {
      if (request.method === 'eth_getLogs' && !hasReorged) {
        hasReorged = true;
        // The reorg lands after eth_getBlockByNumber answered and before eth_getLogs is served:
        // the last two blocks are replaced by one holding a different payment, plus an empty one.
        const mint = encodeFunctionData({ abi: kassaTestTokenAbi, functionName: 'mint', args: [w0, 13n] });
        await callRpc(chain.rpcUrl, 'anvil_reorg', [
          2,
          [[{ from: ANVIL_DEFAULT_ACCOUNT.address, to: chain.tokens.USDT, data: mint, gas: '0x186a0' }, 0]],
        ]);
      }
      return chain.rpcUrl;
    });
    const scan = scanThrough(proxy, head - 1n, head);
    await expect(scan).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    await expect(scan).rejects.toMatchObject({ blockNumber: head - 1n });
  });

  it('throws ChainReorgedDuringScanError when the block reads themselves straddle a reorg', async () => {
    const head = await payTwice(31n, 32n);
    const { chain } = s;
    let hasReorged = false;
    const proxy = await startRpcProxy(async (request) => {
      const [blockNumber] = (request.params ?? []) as [string?];
      // The batch is forwarded one request at a time: reorg after the first block was read.
      if (request.method === 'eth_getBlockByNumber' && blockNumber === `0x${head.toString(16)}` && !hasReorged) {
        hasReorged = true;
        await callRpc(chain.rpcUrl, 'anvil_reorg', [2, []]);
      }
      return chain.rpcUrl;
    });
    await expect(scanThrough(proxy, head - 1n, head)).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    expect(hasReorged).toBe(true);
  });

  it('re-reads by hash the blocks a lagging RPC node returned no logs for', async () => {
    const { chain, wallet } = s;
    const [w0] = s.watched as [Address];
    const paid = await wallet.receiptOf(await wallet.sendToken(chain.tokens.USDC, w0, 21n));
    // A second, real node that has the heights but not our blocks, like a backend stuck on
    // another fork behind a load balancer: range queries go there, lookups by hash do not.
    const lagging: StartAnvilReturnType = await startAnvil({ chainId: chain.chainId });
    onTestFinished(lagging.stop);
    await callRpc(lagging.rpcUrl, 'anvil_mine', [`0x${(paid.blockNumber + 10n).toString(16)}`]);
    const proxy = await startRpcProxy(async (request) => {
      const [filter] = request.params as [{ fromBlock?: string }];
      return request.method === 'eth_getLogs' && filter.fromBlock !== undefined ? lagging.rpcUrl : chain.rpcUrl;
    });
    const result = await scanThrough(proxy, paid.blockNumber - 1n, paid.blockNumber);
    expect(result.transfers.map((t) => [t.txid, t.amount])).toEqual([[paid.transactionHash, 21n]]);
  });
});
