import { randomInt } from 'node:crypto';
import { type Address, encodeFunctionData, type Hex, keccak256, parseGwei } from 'viem';
import { kassaTestTokenAbi } from '../../packages/gateway/src/adapters/chains/evm/kassaTestTokenArtifact.ts';
import type { BenchWallet } from './deployBenchTokens.ts';

export type SendTimedPaymentsParameters = {
  readonly wallet: BenchWallet;
  readonly rpcUrl: string;
  readonly token: Address;
  /** One transfer of `amount` to each, in order. */
  readonly recipients: readonly Address[];
  readonly amount: bigint;
  /** Gaps between payments are drawn uniformly from 0 to twice this. */
  readonly meanGapMs: number;
};

/**
 * Pays `recipients` at random moments; resolves to when each payment (by txid) went to the node.
 * The transfers are signed beforehand, so each send is one `eth_sendRawTransaction`; anvil
 * automines, so the payment's block is mined within that call: timing from its start overstates
 * the latency by at most that call's duration. Random gaps spread the blocks over the polling phase.
 */
export async function sendTimedPayments(p: SendTimedPaymentsParameters): Promise<Map<string, number>> {
  const nonce = await p.wallet.getTransactionCount({ address: p.wallet.account.address, blockTag: 'pending' });
  const chainId = await p.wallet.getChainId();
  const signed: Hex[] = [];
  for (const [i, to] of p.recipients.entries()) {
    signed.push(
      await p.wallet.account.signTransaction({
        chainId,
        nonce: nonce + i,
        to: p.token,
        data: encodeFunctionData({ abi: kassaTestTokenAbi, functionName: 'transfer', args: [to, p.amount] }),
        gas: 100_000n,
        maxFeePerGas: parseGwei('100'),
        maxPriorityFeePerGas: parseGwei('1'),
      }),
    );
  }
  const sentAtMs = new Map<string, number>();
  for (const [i, raw] of signed.entries()) {
    await new Promise((r) => setTimeout(r, randomInt(0, 2 * p.meanGapMs + 1)));
    const startedAtMs = performance.now();
    const response = await fetch(p.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'eth_sendRawTransaction', params: [raw] }),
    });
    const { error } = (await response.json()) as { error?: { message: string } };
    if (error !== undefined) throw new Error(`payment ${i} was refused: ${error.message}`);
    sentAtMs.set(keccak256(raw), startedAtMs);
  }
  return sentAtMs;
}
