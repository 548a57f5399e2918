/**
 * Items per round of RPC reads. With a batching HTTP transport (100 calls per HTTP request) a
 * round of 100 addresses with a few calls each goes out as a handful of requests in flight
 * together, which RPC providers accept; 1,000 addresses at once would be dozens of parallel
 * requests and trip their rate limits.
 */
export const RPC_ROUND_SIZE = 100;

/**
 * Maps `items` with an async `fn`, `roundSize` at a time (all of a round concurrently, rounds one
 * after the other), keeping the order.
 *
 * @example
 * const balances = await mapInRounds(addresses, (address) => publicClient.getBalance({ address }));
 */
export async function mapInRounds<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  roundSize = RPC_ROUND_SIZE,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += roundSize) {
    results.push(...(await Promise.all(items.slice(start, start + roundSize).map(fn))));
  }
  return results;
}
