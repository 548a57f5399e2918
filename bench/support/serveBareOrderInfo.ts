// The floor of bench/order-info.ts over HTTP: a bare node:http server answering bill/info with the
// essential work and nothing else — SHA-256 signature check over the raw bytes, JSON parse, the
// gateway's lookup by the bare driver (openBareOrderLookup.ts), each order as the `order_detail`
// Kassa sends for it (same keys, same bytes), JSON.stringify, the reply signed the v1 way. It runs
// in its own process like the gateway, so both meet the same client. Reads its database and app from KASSA_BENCH_BARE (JSON:
// {target, appId, appSecret}); prints one JSON line {url, appId, appSecret} when it listens.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { type BareOrderRow, openBareOrderLookup } from './openBareOrderLookup.ts';
import type { OrderTarget } from './seedOrders.ts';

type BareOrderInfoOptions = { readonly target: OrderTarget; readonly appId: string; readonly appSecret: string };
const { target, appId, appSecret } = JSON.parse(process.env.KASSA_BENCH_BARE ?? '') as BareOrderInfoOptions;
const lookup = await openBareOrderLookup(target, appId);

const signOf = (timestamp: string, body: Buffer | string) =>
  createHash('sha256').update(`${appId}${appSecret}${timestamp}`).update(body).digest();
// PostgreSQL returns bigint columns as strings, SQLite as numbers.
const seconds = (ms: unknown) => Math.floor(Number(ms) / 1000);
// The keys and values Kassa's reply has for an order before a coin is picked (the seeded orders).
const toDetail = (row: BareOrderRow) => ({
  order_detail: {
    order_id: row.order_id,
    merchant_order_id: row.merchant_order_id,
    product_name: row.product_name,
    product_price: row.product_price,
    denominated_currency: row.denominated_currency,
    chain: '',
    contract: '',
    crypto: '',
    order_amount: '',
    token_rate: '',
    status: row.status,
    created: seconds(row.created_at),
    custom_value: row.custom_value ?? '',
    paid_amount: '0',
    expired_at: seconds(row.expires_at),
  },
  trade_list: [],
  refund_list: [],
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(req.headers.sign ?? ''), 'hex');
    const expected = signOf(String(req.headers.timestamp ?? ''), body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":100003,"msg":"sign does not match"}');
      return;
    }
    const { merchant_order_ids: ids } = JSON.parse(body.toString('utf8')) as { merchant_order_ids: string[] };
    const rows = await lookup.find(ids);
    const reply = Buffer.from(JSON.stringify({ code: 10000, msg: 'success', data: rows.map(toDetail) }));
    const timestamp = String(Math.floor(Date.now() / 1000));
    res
      .writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        appid: appId,
        timestamp,
        sign: signOf(timestamp, reply).toString('hex'),
      })
      .end(reply);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, appId, appSecret })}\n`);
});
const stop = async () => {
  server.close();
  await lookup.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
