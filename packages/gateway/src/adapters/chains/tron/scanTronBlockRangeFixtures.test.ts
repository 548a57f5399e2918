// Risk: the TRON reader works on anvil but misreads a real java-tron node: its block and log shapes
// (41-less hex addresses, block ids, to: null), TRC-10 transfers shown like TRX, or its error for a
// block hash it no longer has. Here a loopback node answers with the stored java-tron shapes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTronFixture, readTronRpcResult } from '../../../../test/fixtures/tron/readTronFixture.ts';
import { startTronHttpStub, type TronHttpStub } from '../../../../test/support/startTronHttpStub.ts';
import type { Network } from '../../../core/network.ts';
import { ChainReorgedDuringScanError } from '../evm/ChainReorgedDuringScanError.ts';
import { deriveTokenId } from '../evm/deriveTokenId.ts';
import { TRANSFER_TOPIC } from '../evm/parseTransferLog.ts';
import { createTronChainReader } from './createTronChainReader.ts';
import { TRON_NETWORK_KIND } from './tronNetworkKind.ts';

const HEIGHT = 77_853_377n;
const BLOCK_HASH = '0x0000000004a3f2c18672b378f76ec641d3acbe18bdfc8ce9b495e23716f1fec1';
const OTHER_FORK_HASH = `0x0000000004a3f2c1${'ee'.repeat(24)}`;
const USDT = '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c';
const TRX_DEPOSIT = '0x683c370ddd3967423a98f7b99759ef85047810a8';
const USDT_DEPOSIT = '0xa8ba9c745ef506ab301bf18130b6da04d4a8ce63';
const TRX_TXID = '44cfdb829a6135a6d0dba3719b8c558fcbd90f27eee1439f89bdcf52dc33303d';
const TRC10_TXID = 'ccdc30dee6e082e01b1d0be4a73c2b57acca9fdb3029b5f297e667597d354030';

type RpcCall = { id: number; method: string; params: unknown[] };

/** How the node answers: set by tests to emulate a fork switch or a missing solidified block. */
const HEALTHY = {
  logsError: false,
  switchForkOnLogs: false,
  forkSwitched: false,
  hasFinalized: true,
  knowsFinalized: true,
};
const node = { ...HEALTHY };
let stub: TronHttpStub;

/** java-tron's answer to one JSON-RPC call, from the stored shapes. */
function answerRpc({ method, params }: RpcCall): { result: unknown } | { error: { code: number; message: string } } {
  if (method === 'eth_getBlockByNumber') {
    const [tag, full] = params as [string, boolean];
    if (tag === 'finalized' && !node.hasFinalized) return { result: null };
    // A node before java-tron 4.8.0 does not know the tag (its parser refuses the block number).
    if (tag === 'finalized' && !node.knowsFinalized)
      return { error: { code: -32602, message: 'invalid block number' } };
    if (tag !== 'latest' && tag !== 'finalized' && BigInt(tag) !== HEIGHT) return { result: null };
    const block = readTronRpcResult(full ? 'eth_getBlockByNumber-full' : 'eth_getBlockByNumber-hashes') as object;
    return { result: node.forkSwitched ? { ...block, hash: OTHER_FORK_HASH } : block };
  }
  if (method === 'eth_getLogs') {
    // As java-tron documents it for a block hash it does not have (eth_getLogs, Error responses).
    if (node.logsError) {
      // The fork switch lands after the block was read, before its logs are.
      if (node.switchForkOnLogs) node.forkSwitched = true;
      return { error: { code: -32602, message: 'invalid blockHash' } };
    }
    return { result: readTronRpcResult('eth_getLogs-trc20-transfer') };
  }
  return { error: { code: -32601, message: `method ${method} does not exist/is not available` } };
}

beforeAll(async () => {
  stub = await startTronHttpStub(({ path, body }) => {
    if (path === '/jsonrpc') {
      const calls = (Array.isArray(body) ? body : [body]) as RpcCall[];
      const answers = calls.map((call) => ({ jsonrpc: '2.0', id: call.id, ...answerRpc(call) }));
      return { body: Array.isArray(body) ? answers : answers[0] };
    }
    const { value } = body as { value: string };
    if (value === TRX_TXID) return { body: readTronFixture('gettransactionbyid-transfer').response };
    if (value === TRC10_TXID) return { body: readTronFixture('gettransactionbyid-transfer-asset').response };
    return { body: readTronFixture('gettransactionbyid-unknown').response };
  });
});
afterAll(async () => stub?.stop());
beforeEach(() => {
  Object.assign(node, HEALTHY);
});

function tronNetwork(): Network {
  const token = (symbol: string, contract: `0x${string}` | null) => ({
    tokenId: deriveTokenId('TRON', contract),
    networkKey: 'TRON',
    symbol,
    name: symbol,
    contract,
    decimals: 6,
    isStable: contract !== null,
  });
  return {
    key: 'TRON',
    kind: TRON_NETWORK_KIND,
    chainId: 0x2b6653dc,
    standard: 'TRC20',
    rpcUrls: [`${stub.url}/jsonrpc`],
    httpApiUrls: [stub.url],
    confirmations: 19,
    blockTimeSeconds: 3,
    xpub: 'unused: no addresses are derived here',
    tokens: [token('USDT', USDT), token('TRX', null)],
  };
}

function scanTheBlock() {
  const watched = new Set([TRX_DEPOSIT, USDT_DEPOSIT]);
  return createTronChainReader(tronNetwork(), { timeoutMs: 2_000 }).scanBlockRange({
    fromBlock: HEIGHT,
    toBlock: HEIGHT,
    isWatched: (address) => watched.has(address),
  });
}

describe('the TRON reader on stored java-tron answers', () => {
  it('finds the TRX and the USDT payment of the block, not the TRC-10 transfer shown like TRX', async () => {
    const seen = stub.requests.length;
    const result = await scanTheBlock();
    expect(result.blocks).toEqual([
      {
        blockNumber: HEIGHT,
        blockHash: BLOCK_HASH,
        parentHash: '0x0000000004a3f2c08a96b19b741de1e4dca9ac0b94cebccc1982d9d00cd72c08',
      },
    ]);
    const base = { networkKey: 'TRON', blockNumber: HEIGHT, blockHash: BLOCK_HASH };
    expect(result.transfers).toEqual([
      {
        ...base,
        txid: `0x${TRX_TXID}`,
        logIndex: -1,
        from: '0xbda0a230ad2bef4730fb880b91fcb4153867efcb',
        to: TRX_DEPOSIT,
        contract: null,
        amount: 50_000_000n,
      },
      {
        ...base,
        txid: '0x0f95075b0a9faf27740f6323e8babb54223ad47c8b248f97f99c319c9313f8c0',
        logIndex: 0,
        from: '0x57ffde7d118a9a43ddcc638e4f77b9e9456963fa',
        to: USDT_DEPOSIT,
        contract: USDT,
        amount: 12_500_000n,
      },
    ]);
    const requests = stub.requests.slice(seen);
    // Both candidates to a watched address were checked, by txid without 0x; the others cost nothing.
    const checked = requests.filter((r) => r.path === '/wallet/gettransactionbyid').map((r) => r.body);
    expect(checked).toEqual([{ value: TRX_TXID }, { value: TRC10_TXID }]);
    // Logs are asked by the block's hash, with 20-byte hex contracts as java-tron's JSON-RPC takes them.
    const logCalls = requests.flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body]) as RpcCall[]);
    expect(logCalls.filter((c) => c.method === 'eth_getLogs').map((c) => c.params)).toEqual([
      [{ address: [USDT], topics: [TRANSFER_TOPIC], blockHash: BLOCK_HASH }],
    ]);
  });

  it('reports a reorg when the node no longer has the block hash and the height holds another block', async () => {
    Object.assign(node, { logsError: true, switchForkOnLogs: true });
    const scan = scanTheBlock();
    await expect(scan).rejects.toBeInstanceOf(ChainReorgedDuringScanError);
    await expect(scan).rejects.toMatchObject({
      blockNumber: HEIGHT,
      expectedHash: BLOCK_HASH,
      actualHash: OTHER_FORK_HASH,
    });
  });

  it("answers the node's error when the block is still the one at its height", async () => {
    node.logsError = true;
    const scan = scanTheBlock();
    await expect(scan).rejects.toThrow(/invalid blockHash/);
    await expect(scan).rejects.not.toBeInstanceOf(ChainReorgedDuringScanError);
  });

  it('reads the solidified block as final, and fails when the node has none', async () => {
    const reader = createTronChainReader(tronNetwork(), { timeoutMs: 2_000 });
    expect(await reader.getFinalizedBlockNumber?.()).toBe(HEIGHT);
    expect(await reader.getBlock(HEIGHT + 1n)).toBeNull();
    node.hasFinalized = false;
    await expect(reader.getFinalizedBlockNumber?.()).rejects.toThrow('TRON node has no finalized block');
    Object.assign(node, { hasFinalized: true, knowsFinalized: false });
    await expect(reader.getFinalizedBlockNumber?.()).rejects.toThrow(/needs java-tron 4\.8\.0 or later/);
  });
});
