import { randomBytes, randomInt } from 'node:crypto';
import { sign } from '@kassa/sdk';
import { Client, Pool } from 'undici';
import type { MeasuredServerInfo } from './startMeasuredServer.ts';

const MERCHANT_PATHS = ['concise/url/get', 'bill/create', 'bill/info', 'webhook/resend', 'coin/all', 'token/chain'];

/** The mix of hostile requests: each kind with its weight. */
const KINDS = [
  ['unknown app id', 30],
  ['bad signature', 10],
  ['missing headers', 5],
  ['random merchant path', 10],
  ['signed random body', 10],
  ['signed bill/info, random ids', 10],
  ['signed create, random id', 5],
  ['checkout, new source address', 20],
] as const;
const TOTAL_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

export type HostileTraffic = {
  /** Sends one hostile request, chosen at random; resolves to the kind sent. */
  send(): Promise<string>;
  /** How many requests of each kind were sent so far. */
  readonly counts: ReadonlyMap<string, number>;
  close(): Promise<void>;
};

/**
 * Hostile merchant-API and checkout traffic against one gateway: random app ids, bad and missing
 * signatures, random bodies and ids, random paths, and checkout requests from ever new source
 * addresses (127.16.0.0/12), each over its own connection.
 */
export function createHostileTraffic(server: MeasuredServerInfo, connections: number): HostileTraffic {
  const { url, appId, appSecret } = server;
  const pool = new Pool(url, { connections });
  const counts = new Map<string, number>();
  let sourceAddress = 0;
  const signedHeaders = (body: string) => {
    const timestamp = nowSeconds();
    return { appid: appId, timestamp, sign: sign({ appId, appSecret, timestamp, body }) };
  };
  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await pool.request({
      method: 'POST',
      path,
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    await response.body.dump();
  };
  const randomMerchantPath = () => `/ccpayment/v1/${MERCHANT_PATHS[randomInt(MERCHANT_PATHS.length)]}`;
  const forgedHeaders = () => ({ appid: randomText(64), timestamp: nowSeconds(), sign: randomHex(64) });

  const sendMerchantRequest = async (kind: string): Promise<void> => {
    switch (kind) {
      case 'unknown app id': {
        const body = randomBody();
        return post(randomMerchantPath(), body, forgedHeaders());
      }
      case 'bad signature':
        return post('/ccpayment/v1/bill/info', randomBody(), {
          appid: appId,
          timestamp: nowSeconds(),
          sign: randomHex(64),
        });
      case 'missing headers':
        return post('/ccpayment/v1/concise/url/get', randomBody(), { appid: randomText(80) });
      case 'random merchant path':
        return post(`/ccpayment/v1/${randomText(60)}/${randomText(30)}`, randomBody(), forgedHeaders());
      case 'signed random body': {
        const body = randomBody();
        return post(randomMerchantPath(), body, signedHeaders(body));
      }
      case 'signed bill/info, random ids': {
        const ids = Array.from({ length: randomInt(1, 101) }, () => randomText(128));
        const body = JSON.stringify({ merchant_order_ids: ids });
        return post('/ccpayment/v1/bill/info', body, signedHeaders(body));
      }
      case 'signed create, random id': {
        const body = JSON.stringify({
          merchant_order_id: randomText(128),
          product_price: `${randomInt(1, 1000)}.${randomInt(10, 100)}`,
          product_name: randomText(64),
        });
        return post('/ccpayment/v1/concise/url/get', body, signedHeaders(body));
      }
      default:
        throw new Error(`unknown kind ${kind}`);
    }
  };

  /** A checkout page request over its own connection from the next address of 127.16.0.0/12. */
  const sendCheckoutRequest = async (): Promise<void> => {
    sourceAddress = (sourceAddress + 1) % 2 ** 20;
    const localAddress = `127.${16 + (sourceAddress >> 16)}.${(sourceAddress >> 8) & 255}.${sourceAddress & 255}`;
    const client = new Client(url, { localAddress });
    const [method, path] = pickCheckoutRequest();
    try {
      const response = await client.request({
        method,
        path,
        // What browsers and fetch() send: the 404 page is compressed like any other.
        headers: {
          'accept-encoding': 'gzip, deflate, br',
          ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(method === 'POST' ? { body: `token_id=${randomText(30)}` } : {}),
      });
      await response.body.dump();
    } finally {
      await client.close();
    }
  };

  return {
    counts,
    async send() {
      const kind = pickKind();
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (kind === 'checkout, new source address') await sendCheckoutRequest();
      else await sendMerchantRequest(kind);
      return kind;
    },
    close: () => pool.close(),
  };
}

function pickKind(): string {
  let pick = randomInt(TOTAL_WEIGHT);
  for (const [kind, weight] of KINDS) {
    if (pick < weight) return kind;
    pick -= weight;
  }
  throw new Error('unreachable');
}

function pickCheckoutRequest(): readonly ['GET' | 'POST', string] {
  const token = randomText(64);
  const requests = [
    ['GET', `/pay/${token}`],
    ['GET', `/pay/${token}/status.json`],
    ['GET', `/pay/${token}/events`],
    ['POST', `/pay/${token}/select`],
    ['GET', `/pay/${randomText(20)}/${randomText(20)}`],
  ] as const;
  return requests[randomInt(5)] as readonly ['GET' | 'POST', string];
}

function randomText(maxLength: number): string {
  return randomBytes(Math.ceil(maxLength * 0.75) + 1)
    .toString('base64url')
    .slice(0, randomInt(1, maxLength + 1));
}

function randomHex(length: number): string {
  return randomBytes(length / 2).toString('hex');
}

function nowSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

function randomBody(): string {
  switch (randomInt(4)) {
    case 0:
      // Up to the default 64 KiB body limit and a little past it.
      return randomBytes(randomInt(1, 70_000)).toString('latin1');
    case 1:
      return JSON.stringify({ merchant_order_id: randomText(128), product_price: String(randomInt(1, 10_000)) });
    case 2:
      return JSON.stringify({ [randomText(40)]: randomText(200), merchant_order_ids: [randomText(128)] });
    default:
      return '';
  }
}
