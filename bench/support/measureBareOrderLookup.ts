import { type OrderInfoLatency, summarizeLatencies } from './measureOrderInfo.ts';
import { BARE_LOOKUP_IDS, openBareOrderLookup } from './openBareOrderLookup.ts';
import type { OrderTarget } from './seedOrders.ts';

/**
 * The floor under `bill/info`: the lookup the gateway makes for 100 random ids, by the bare driver
 * in this process (no HTTP, no gateway, rows read but not turned into replies: openBareOrderLookup.ts).
 */
export async function measureBareOrderLookup(
  target: OrderTarget,
  appId: string,
  orderCount: number,
  lookups: number,
): Promise<OrderInfoLatency> {
  const randomIds = () => {
    const ids = new Set<string>();
    while (ids.size < BARE_LOOKUP_IDS) ids.add(`m-${Math.floor(Math.random() * orderCount)}`);
    return [...ids];
  };
  const lookup = await openBareOrderLookup(target, appId);
  try {
    for (let n = 0; n < 200; n++) await lookup.find(randomIds()); // warm-up, as for the gateway
    const latencies: number[] = [];
    for (let n = 0; n < lookups; n++) {
      const ids = randomIds();
      const started = performance.now();
      const found = (await lookup.find(ids)).length;
      latencies.push(performance.now() - started);
      if (found !== BARE_LOOKUP_IDS) throw new Error(`bare lookup found ${found} of ${BARE_LOOKUP_IDS} orders`);
    }
    return summarizeLatencies(latencies);
  } finally {
    await lookup.close();
  }
}
