// The request handling both bare floors of bench/create-order.ts share: SHA-256 signature check over
// the raw bytes, JSON parse, one insert through `insert`, the concise/url/get reply. Prints one JSON
// line {url, appId, appSecret} when it listens; `close` runs on SIGTERM or SIGINT, then it exits.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/** An order row in the floors' table order: id, app, merchant order id, name, price, token, created at. */
export type BareOrderRow = [string, string, string, string, string, string, number];

const APP_ID = '1';
const APP_SECRET = 'bench-secret-bench-secret-bench-secret!!';

export function startBareOrderServer(
  insert: (row: BareOrderRow) => undefined | Promise<unknown>,
  close: () => void | Promise<void>,
): void {
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const timestamp = String(req.headers.timestamp ?? '');
      const expected = createHash('sha256').update(`${APP_ID}${APP_SECRET}${timestamp}`).update(body).digest();
      const given = Buffer.from(String(req.headers.sign ?? ''), 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":100003,"msg":"bad sign"}');
        return;
      }
      const json = JSON.parse(body.toString('utf8')) as Record<string, string>;
      const token = randomBytes(24).toString('base64url');
      const reply = () =>
        res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ code: 10000, msg: 'success', data: { payment_url: `http://127.0.0.1/pay/${token}` } }));
      const row: BareOrderRow = [
        String(++seq),
        APP_ID,
        String(json.merchant_order_id),
        String(json.product_name),
        String(json.product_price),
        token,
        Date.now(),
      ];
      const written = insert(row);
      if (written === undefined) reply();
      else written.then(reply, (error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    process.stdout.write(
      `${JSON.stringify({ url: `http://127.0.0.1:${port}`, appId: APP_ID, appSecret: APP_SECRET })}\n`,
    );
  });
  const stop = async () => {
    server.close();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
