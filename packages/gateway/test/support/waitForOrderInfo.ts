import type { KassaClient, OrderInfo } from '@kassa/sdk';

/** The merchant's view of one order (bill/info); fails when the gateway does not know it. */
export async function getOrderInfo(client: KassaClient, merchantOrderId: string): Promise<OrderInfo> {
  const [info] = await client.getOrders([merchantOrderId]);
  if (info === undefined) throw new Error(`bill/info does not know ${merchantOrderId}`);
  return info;
}

/** Polls bill/info every 20 ms (the test watchers poll as often) until `isDone` holds, or fails after `timeoutMs`. */
export async function waitForOrderInfo(
  client: KassaClient,
  merchantOrderId: string,
  isDone: (info: OrderInfo) => boolean,
  timeoutMs: number,
): Promise<OrderInfo> {
  const deadlineMs = Date.now() + timeoutMs;
  for (;;) {
    const info = await getOrderInfo(client, merchantOrderId);
    if (isDone(info)) return info;
    if (Date.now() > deadlineMs) throw new Error(`timed out waiting on ${merchantOrderId}: ${JSON.stringify(info)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
