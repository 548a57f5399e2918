import { type PublicClient, parseGwei, RpcError } from 'viem';

/** The fee fields of a plan, wei. */
export type SweepFees = {
  /** Legacy gas price of deposit transactions and top-ups. */
  readonly gasPrice: bigint;
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
};

// What most EIP-1559 chains settle at when a node cannot suggest a tip.
const FALLBACK_PRIORITY_FEE = parseGwei('1');

/**
 * Reads the fees a plan fixes: 2 × base fee of the latest block + priority fee, as both the legacy
 * gas price and the EIP-1559 fee cap. Twice the base fee because deposit transactions are signed
 * with this exact price, possibly offline and hours before `send`: the base fee can grow 12.5%
 * per full block, and 2× still covers six full blocks in a row, so a plan outlives a busy minute.
 * A legacy transaction pays its whole gas price (the excess over the base fee goes to the
 * producer), which is why the top-up can be exact to the wei.
 *
 * @example
 * const { gasPrice } = await readSweepFees(publicClient);
 */
export async function readSweepFees(publicClient: PublicClient): Promise<SweepFees> {
  const [block, priority] = await Promise.all([
    publicClient.getBlock({ blockTag: 'latest' }),
    readPriorityFee(publicClient),
  ]);
  // A chain without EIP-1559 (no base fee) prices by eth_gasPrice alone.
  const baseFee = block.baseFeePerGas ?? (await publicClient.getGasPrice());
  const fee = 2n * baseFee + priority;
  return { gasPrice: fee, maxFeePerGas: fee, maxPriorityFeePerGas: priority };
}

async function readPriorityFee(publicClient: PublicClient): Promise<bigint> {
  try {
    return BigInt(await publicClient.request({ method: 'eth_maxPriorityFeePerGas' }));
  } catch (error) {
    // Not every node implements eth_maxPriorityFeePerGas (it is not in the JSON-RPC spec): a node
    // that answers with an error gets the usual tip. A node that does not answer fails the plan.
    if (error instanceof RpcError) return FALLBACK_PRIORITY_FEE;
    throw error;
  }
}
