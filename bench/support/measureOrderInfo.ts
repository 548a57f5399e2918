import { Agent, request } from 'node:http';
import { sign } from '@kassa/sdk';

export type OrderInfoLatency = {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
};

export type MeasureOrderInfoParameters = {
  readonly url: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Orders `m-0` … `m-<orderCount - 1>` exist; each request asks for 100 of them at random. */
  readonly orderCount: number;
  readonly requests: number;
};

/**
 * Latency of `bill/info` with 100 distinct random ids, one request at a time on one kept-alive connection,
 * timed in the client to the microsecond (autocannon rounds to whole milliseconds).
 */
export async function measureOrderInfo({
  url,
  appId,
  appSecret,
  orderCount,
  requests,
}: MeasureOrderInfoParameters): Promise<OrderInfoLatency> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  try {
    for (let n = 0; n < requests; n++) {
      const ids = new Set<string>();
      while (ids.size < 100) ids.add(`"m-${Math.floor(Math.random() * orderCount)}"`);
      const body = `{"merchant_order_ids":[${[...ids].join(',')}]}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers = { Appid: appId, Timestamp: timestamp, Sign: sign({ appId, appSecret, timestamp, body }) };
      const started = performance.now();
      const reply = await post(agent, `${url}/ccpayment/v1/bill/info`, headers, body);
      latencies.push(performance.now() - started);
      const parsed = JSON.parse(reply) as { code: number; data?: unknown[] };
      if (parsed.code !== 10000 || parsed.data?.length !== 100)
        throw new Error(`bill/info answered ${reply.slice(0, 200)}`);
    }
  } finally {
    agent.destroy();
  }
  return summarizeLatencies(latencies);
}

/** p50, p90, p99 and max of the given milliseconds (sorts them in place). */
export function summarizeLatencies(latencies: number[]): OrderInfoLatency {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies[latencies.length - 1] as number };
}

function post(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
