import type { SweepAddressPlan, SweepBatch, SweepPlan, SweepStrategy } from './SweepPlan.ts';

export type SumSweepPlanCostParameters = {
  readonly strategy: SweepStrategy;
  readonly addresses: readonly SweepAddressPlan[];
  readonly batches: readonly SweepBatch[];
  readonly gasPrice: bigint;
  readonly maxFeePerGas: bigint;
  /**
   * topup: gas of the top-up transfer into each topped-up address (lower-case address → gas):
   * 21000 into a plain account, more into one whose code runs on receipt. Absent: 21000.
   */
  readonly topUpGasLimits?: ReadonlyMap<string, bigint>;
};

const PLAIN_TRANSFER_GAS = 21_000n;

/**
 * The plan's cost in the native coin, at its fee caps (a most, not an expectation): eip7702 pays
 * every batch's gas limit at `maxFeePerGas` from the gas wallet; topup pays each top-up transfer at
 * `gasPrice` from the gas wallet and each deposit transaction's gas limit at `gasPrice` from the
 * deposit address (its own native coin or its top-up).
 *
 * @example
 * sumSweepPlanCost({ strategy: 'eip7702', addresses, batches: [{ addresses, tokens, gasLimit: '100000' }], gasPrice: 3n, maxFeePerGas: 3n });
 * // { gasWalletFeesWei: '300000', topUpsWei: '0', depositFeesWei: '0', gasWalletNeedsWei: '300000' }
 */
export function sumSweepPlanCost(p: SumSweepPlanCostParameters): SweepPlan['cost'] {
  let gasWalletFees = 0n;
  let topUps = 0n;
  let depositFees = 0n;
  if (p.strategy === 'eip7702') {
    for (const batch of p.batches) gasWalletFees += BigInt(batch.gasLimit) * p.maxFeePerGas;
  } else {
    for (const address of p.addresses) {
      const topUp = BigInt(address.topUp);
      if (topUp > 0n) {
        topUps += topUp;
        const gas = p.topUpGasLimits?.get(address.address.toLowerCase()) ?? PLAIN_TRANSFER_GAS;
        gasWalletFees += gas * p.gasPrice;
      }
      for (const tx of address.transactions) depositFees += BigInt(tx.gasLimit) * p.gasPrice;
    }
  }
  return {
    gasWalletFeesWei: gasWalletFees.toString(),
    topUpsWei: topUps.toString(),
    depositFeesWei: depositFees.toString(),
    gasWalletNeedsWei: (gasWalletFees + topUps).toString(),
  };
}
