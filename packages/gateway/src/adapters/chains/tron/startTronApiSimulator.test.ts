// Guards against a sandbox and test TRON node that answers unlike java-tron: JSON-RPC not passed
// through, or /wallet/gettransactionbyid in another shape, so tests would prove a reader real nodes break.
import { encodeFunctionData, type Hash, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../../test/fixtures/devChain.ts';
import { type ChainWallet, createChainWallet } from '../../../../test/support/createChainWallet.ts';
import { kassaTestTokenAbi } from '../evm/kassaTestTokenArtifact.ts';
import { startTronApiSimulator, type TronApiSimulator } from './startTronApiSimulator.ts';

const RECIPIENT = '0x683c370ddd3967423a98f7b99759ef85047810a8';

let chain: DevChain;
let wallet: ChainWallet;
let simulator: TronApiSimulator;

beforeAll(async () => {
  chain = await startDevChain();
  wallet = createChainWallet(chain.rpcUrl, chain.testAccount.privateKey);
  simulator = await startTronApiSimulator({ rpcUrl: chain.rpcUrl });
});
afterAll(async () => {
  await simulator?.stop();
  await chain?.stop();
});

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const getTransactionById = async (hash: Hash) =>
  (await post('/wallet/gettransactionbyid', { value: hash.slice(2) })).body;

/** TRON's hex form of a 20-byte address in the HTTP API: the 0x41 prefix byte, lower case. */
const tronHex = (address: string) => `41${address.slice(2).toLowerCase()}`;

describe('startTronApiSimulator', () => {
  it('forwards JSON-RPC at /jsonrpc to anvil, batches included', async () => {
    const head = await wallet.getBlockNumber({ cacheTime: 0 });
    const single = await post('/jsonrpc', { jsonrpc: '2.0', id: 7, method: 'eth_chainId', params: [] });
    expect(single).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 7, result: `0x${chain.chainId.toString(16)}` } });
    const batch = await post('/jsonrpc', [
      { jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] },
      { jsonrpc: '2.0', id: 2, method: 'eth_getBlockByNumber', params: ['0x0', false] },
    ]);
    const [blockNumber, genesis] = batch.body as [{ result: string }, { result: { number: string } }];
    expect(BigInt(blockNumber.result)).toBe(head);
    expect(genesis.result.number).toBe('0x0');
  });

  it('shows a value transfer as a successful TransferContract with 41-prefixed hex addresses', async () => {
    const hash = await wallet.sendTransaction({ to: RECIPIENT, value: parseEther('0.000123'), chain: null });
    await wallet.receiptOf(hash);
    expect(await getTransactionById(hash)).toEqual({
      ret: [{ contractRet: 'SUCCESS' }],
      txID: hash.slice(2),
      raw_data: {
        contract: [
          {
            parameter: {
              value: {
                amount: 123_000_000_000_000,
                owner_address: tronHex(chain.testAccount.address),
                to_address: tronHex(RECIPIENT),
              },
              type_url: 'type.googleapis.com/protocol.TransferContract',
            },
            type: 'TransferContract',
          },
        ],
      },
      visible: false,
    });
  });

  it('shows a contract call as a TriggerSmartContract with its calldata', async () => {
    const hash = await wallet.sendToken(chain.tokens.USDT, RECIPIENT, 5_000_000n);
    await wallet.receiptOf(hash);
    const data = encodeFunctionData({
      abi: kassaTestTokenAbi,
      functionName: 'transfer',
      args: [RECIPIENT, 5_000_000n],
    });
    expect(await getTransactionById(hash)).toMatchObject({
      ret: [{ contractRet: 'SUCCESS' }],
      txID: hash.slice(2),
      raw_data: {
        contract: [
          {
            parameter: {
              value: {
                data: data.slice(2),
                owner_address: tronHex(chain.testAccount.address),
                contract_address: tronHex(chain.tokens.USDT),
                call_value: 0,
              },
              type_url: 'type.googleapis.com/protocol.TriggerSmartContract',
            },
            type: 'TriggerSmartContract',
          },
        ],
      },
    });
  });

  it('shows a reverted value transfer with contractRet REVERT', async () => {
    // The test token has no receive function: a plain value transfer to it is mined and reverts.
    const hash = await wallet.sendTransaction({ to: chain.tokens.USDT, value: 1n, gas: 100_000n, chain: null });
    expect((await wallet.receiptOf(hash)).status).toBe('reverted');
    expect(await getTransactionById(hash)).toMatchObject({
      ret: [{ contractRet: 'REVERT' }],
      raw_data: { contract: [{ type: 'TransferContract' }] },
    });
  });

  it('answers {} for a txid anvil does not know, and for a value that is not a txid', async () => {
    expect(await getTransactionById(`0x${'ab'.repeat(32)}`)).toEqual({});
    expect((await post('/wallet/gettransactionbyid', { value: 'not-a-txid' })).body).toEqual({});
    expect((await post('/wallet/gettransactionbyid', {})).body).toEqual({});
  });

  it('answers 404 on a path it does not serve', async () => {
    expect(await post('/wallet/getnowblock', {})).toEqual({
      status: 404,
      body: { Error: 'no such path /wallet/getnowblock' },
    });
  });
});
