import { type Hash, type PublicClient, type TransactionReceipt, TransactionReceiptNotFoundError } from 'viem';

/**
 * The receipt of `hash`, or null while it is not mined (viem throws for that; here it is an
 * ordinary answer: a sweep asks the chain first and acts only on what is not mined yet).
 *
 * @example
 * const receipt = await findTransactionReceipt(publicClient, hash);
 */
export async function findTransactionReceipt(
  publicClient: PublicClient,
  hash: Hash,
): Promise<TransactionReceipt | null> {
  try {
    return await publicClient.getTransactionReceipt({ hash });
  } catch (error) {
    if (error instanceof TransactionReceiptNotFoundError) return null;
    throw error;
  }
}
