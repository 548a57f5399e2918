import type { Address, Hex, SignedAuthorization } from 'viem';
import type { SweepBatch } from '../../../../core/sweep/SweepPlan.ts';
import { isDelegatedTo } from './isDelegatedTo.ts';
import type { SweepSendContext } from './SweepSendContext.ts';

/** What a batch will really send: its addresses still valid, with their tokens and authorizations. */
export type PreparedSweepBatch = {
  readonly index: number;
  readonly addresses: readonly Address[];
  readonly tokens: readonly (readonly Hex[])[];
  readonly authorizationList: readonly SignedAuthorization[];
  readonly gasLimit: bigint;
};

/**
 * Checks each address of a batch against the chain just before sending: one already delegated to
 * the sweeper needs no authorization; otherwise its signed authorization must carry its current
 * nonce, or the whole type-4 transaction would skip it (a stale authorization is silently ignored
 * by the chain, and its sweep would revert). Such an address is dropped and reported.
 *
 * @example
 * const prepared = await prepareSweepBatch(ctx, plan.batches[0], 0, sweeper);
 */
export async function prepareSweepBatch(
  ctx: SweepSendContext,
  batch: SweepBatch,
  index: number,
  sweeper: Address,
): Promise<PreparedSweepBatch> {
  const addresses: Address[] = [];
  const tokens: (readonly Hex[])[] = [];
  const authorizationList: SignedAuthorization[] = [];
  for (const [i, address] of batch.addresses.entries()) {
    const lower = address.toLowerCase();
    const code = await ctx.publicClient.getCode({ address });
    if (!isDelegatedTo(code, sweeper)) {
      const authorization = ctx.signed.authorizations.find((a) => a.address.toLowerCase() === lower);
      const nonce = await ctx.publicClient.getTransactionCount({ address, blockTag: 'latest' });
      if (authorization === undefined || authorization.nonce !== nonce) {
        ctx.failed.set(lower, 'authorization stale: plan again');
        continue;
      }
      // The chain would skip an authorization for another contract or chain: the sweep would move nothing.
      if (
        authorization.contract.toLowerCase() !== sweeper.toLowerCase() ||
        authorization.chainId !== ctx.plan.network.chainId
      ) {
        ctx.failed.set(
          lower,
          `its authorization is not for sweeper ${sweeper} on chain ${ctx.plan.network.chainId}: sign again`,
        );
        continue;
      }
      authorizationList.push({
        address: authorization.contract,
        chainId: authorization.chainId,
        nonce: authorization.nonce,
        r: authorization.r,
        s: authorization.s,
        yParity: authorization.yParity,
      });
    }
    addresses.push(address);
    tokens.push(batch.tokens[i] ?? []);
  }
  return { index, addresses, tokens, authorizationList, gasLimit: BigInt(batch.gasLimit) };
}
