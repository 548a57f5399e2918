import { randomBytes, randomInt } from 'node:crypto';
import { sign } from '@kassa/sdk';
import { Pool } from 'undici';

/** The mix of merchant API requests: each kind with its weight. */
const KINDS = [
  ['create order', 35],
  ['bill/info, known ids', 25],
  ['coin/all', 5],
  ['bad signature', 10],
  ['unknown app id', 15],
  ['unknown endpoint', 5],
  ['malformed body', 5],
] as const;
type Kind = (typeof KINDS)[number][0];
const TOTAL_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);
/** Ids bill/info asks for are drawn from the most recent orders created (a merchant's open ones). */
const KNOWN_IDS_KEPT = 1_000;

export type MerchantTraffic = {
  /** Sends `total` requests over the pool's connections; resolves to those that did not get an answer. */
  run(total: number): Promise<{ readonly seconds: number; readonly failures: number }>;
  /** How many requests of each kind were sent so far, and how many of each HTTP status came back. */
  readonly counts: ReadonlyMap<string, number>;
  close(): Promise<void>;
};

/**
 * A merchant's server and the internet's noise against one gateway: signed order creations and
 * lookups of the orders created, coin lists, and requests that fail authentication (bad signatures,
 * unknown app ids), unknown endpoints and malformed bodies. Loopback only: the server trusts no
 * forwarding header, so every request comes from one client address.
 */
export function createMerchantTraffic(
  url: string,
  app: { readonly appId: string; readonly appSecret: string },
  connections: number,
): MerchantTraffic {
  const pool = new Pool(url, { connections, pipelining: 1 });
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const knownIds: string[] = [];
  let created = 0;
  const runId = randomBytes(4).toString('hex');

  const signed = (body: string, appSecret = app.appSecret, appId = app.appId) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return { appid: appId, timestamp, sign: sign({ appId, appSecret, timestamp, body }) };
  };
  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await pool.request({
      method: 'POST',
      path: `/ccpayment/v1/${path}`,
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    count(`HTTP ${response.statusCode}`);
    await response.body.dump();
  };
  const requestFor = (kind: Kind): [string, string, Record<string, string>] => {
    switch (kind) {
      case 'create order': {
        const id = `mem-${runId}-${created++}`;
        knownIds.push(id);
        if (knownIds.length > KNOWN_IDS_KEPT) knownIds.shift();
        const body = JSON.stringify({ merchant_order_id: id, product_price: '19.99', product_name: 'Bench item' });
        return ['concise/url/get', body, signed(body)];
      }
      case 'bill/info, known ids': {
        const ids = Array.from({ length: randomInt(1, 21) }, () => knownIds[randomInt(knownIds.length || 1)] ?? 'none');
        const body = JSON.stringify({ merchant_order_ids: ids });
        return ['bill/info', body, signed(body)];
      }
      case 'coin/all':
        return ['coin/all', '{}', signed('{}')];
      case 'bad signature':
        return ['bill/info', '{"merchant_order_ids":["x"]}', signed('{}', randomBytes(16).toString('hex'))];
      case 'unknown app id': {
        const body = JSON.stringify({ merchant_order_id: randomText(40), product_price: '1' });
        return ['concise/url/get', body, signed(body, 'whatever', randomText(40))];
      }
      case 'unknown endpoint':
        return [`${randomText(30)}/${randomText(20)}`, '{}', signed('{}')];
      case 'malformed body': {
        const body = randomText(2_000);
        return ['concise/url/get', body, signed(body)];
      }
    }
  };

  return {
    counts,
    async run(total) {
      let started = 0;
      let failures = 0;
      const startedAt = performance.now();
      const sender = async () => {
        while (started < total) {
          started += 1;
          const kind = pickKind();
          count(kind);
          try {
            await post(...requestFor(kind));
          } catch {
            // A reset or refused connection: counted, and the run goes on.
            failures += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: connections }, sender));
      return { seconds: (performance.now() - startedAt) / 1000, failures };
    },
    close: () => pool.close(),
  };
}

function pickKind(): Kind {
  let pick = randomInt(TOTAL_WEIGHT);
  for (const [kind, weight] of KINDS) {
    if (pick < weight) return kind;
    pick -= weight;
  }
  throw new Error('unreachable');
}

function randomText(maxLength: number): string {
  return randomBytes(maxLength)
    .toString('base64url')
    .slice(0, randomInt(1, maxLength + 1));
}
