// Guards against a client that signs requests wrongly or trusts unsigned, tampered or error responses.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKassaClient } from './createKassaClient.ts';
import { KassaApiError } from './KassaApiError.ts';
import { KassaRequestError } from './KassaRequestError.ts';
import { KassaSignatureError } from './KassaSignatureError.ts';

const APP_ID = '202302010636261620672405236006912';
const APP_SECRET = 'kassa-test-secret-0123456789abcdefghijklmnop';
const NOW_MS = 1_700_000_000_123;

type Received = { path: string; headers: IncomingHttpHeaders; body: string; signatureValid: boolean };
type Reply = {
  status?: number;
  body: string;
  /** Signs with these credentials; false leaves the response unsigned. */
  signAs?: { appId: string; appSecret: string } | false;
  /** Changes the bytes after signing. */
  tamper?: (body: string) => string;
  delayMs?: number;
};

function digest(appId: string, appSecret: string, timestamp: string, body: string): string {
  return createHash('sha256')
    .update(Buffer.from(appId + appSecret + timestamp + body, 'utf8'))
    .digest('hex');
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let reply: (request: Received) => Reply;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers.timestamp);
      const request: Received = {
        path: req.url ?? '',
        headers: req.headers,
        body,
        signatureValid: req.headers.sign === digest(APP_ID, APP_SECRET, timestamp, body),
      };
      received.push(request);
      const {
        status = 200,
        body: responseBody,
        signAs = { appId: APP_ID, appSecret: APP_SECRET },
        tamper,
        delayMs = 0,
      } = reply(request);
      const responseTimestamp = '1700000001';
      if (signAs !== false) {
        res.setHeader('Appid', signAs.appId);
        res.setHeader('Timestamp', responseTimestamp);
        res.setHeader('Sign', digest(signAs.appId, signAs.appSecret, responseTimestamp, responseBody));
      }
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      setTimeout(() => {
        res.statusCode = status;
        res.end(tamper === undefined ? responseBody : tamper(responseBody));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  reply = () => ({ body: JSON.stringify({ code: 10000, msg: 'success', data: null }) });
});

function ok(data: unknown): Reply {
  return { body: JSON.stringify({ code: 10000, msg: 'success', data }) };
}

function createClient(timeoutMs?: number) {
  return createKassaClient({
    appId: APP_ID,
    appSecret: APP_SECRET,
    baseUrl,
    now: () => NOW_MS,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createKassaClient', () => {
  it('posts signed compact JSON to /ccpayment/v1/<path> and returns data', async () => {
    reply = () => ok({ payment_url: 'https://pay.example/pay/tok' });
    const result = await createClient().createCheckoutUrl({
      product_price: '19.90',
      merchant_order_id: 'A-1001',
      product_name: 'Crème brûlée',
      order_valid_period: 3600,
    });
    expect(result).toEqual({ payment_url: 'https://pay.example/pay/tok' });
    const [request] = received;
    expect(request?.path).toBe('/ccpayment/v1/concise/url/get');
    expect(request?.body).toBe(
      '{"product_price":"19.90","merchant_order_id":"A-1001","product_name":"Crème brûlée","order_valid_period":3600}',
    );
    expect(request?.headers.appid).toBe(APP_ID);
    expect(request?.headers.timestamp).toBe('1700000000');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.signatureValid).toBe(true);
  });

  it('maps each typed method to its path and wire body', async () => {
    const client = createClient();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => client.getOrders(['A-1', 'A-2']), '/ccpayment/v1/bill/info', '{"merchant_order_ids":["A-1","A-2"]}'],
      [
        () =>
          client.createBill({
            merchant_order_id: 'B-1',
            product_price: '5',
            token_id: 'tok',
            denominated_currency: 'USD',
          }),
        '/ccpayment/v1/bill/create',
        '{"merchant_order_id":"B-1","product_price":"5","token_id":"tok","denominated_currency":"USD"}',
      ],
      [() => client.getCoins(), '/ccpayment/v1/coin/all', '{}'],
      [
        () => client.getTokenRate({ amount: '10', tokenId: 'tok' }),
        '/ccpayment/v1/token/rate',
        '{"amount":"10","token_id":"tok"}',
      ],
      [() => client.getNetworkHeights(), '/ccpayment/v1/get/network/height/info', '{}'],
      [
        () => client.resendWebhooks({ start_timestamp: 1_699_999_000, webhook_result: 'All Result' }),
        '/ccpayment/v1/webhook/resend',
        '{"start_timestamp":1699999000,"webhook_result":"All Result"}',
      ],
      [() => client.request('/coin/all'), '/ccpayment/v1/coin/all', '{}'],
    ];
    reply = () => ok({ echoed: true });
    for (const [call, path, body] of cases) {
      received = [];
      await call();
      expect(received[0]?.path).toBe(path);
      expect(received[0]?.body).toBe(body);
      expect(received[0]?.signatureValid).toBe(true);
    }
  });

  it('verifies a response whose bytes are not compact JSON (raw bytes, not re-serialised)', async () => {
    reply = () => ({ body: '{"code": 10000, "msg": "success", "data": [{"chain": "ETH"}]}' });
    expect(await createClient().getNetworkHeights()).toEqual([{ chain: 'ETH' }]);
  });

  it('throws KassaApiError with code, its name, msg and path when code is not 10000', async () => {
    reply = () => ({ body: JSON.stringify({ code: 100007, msg: 'duplicate_order: A-1 exists', data: null }) });
    const error = await catchError(createClient().getOrders(['A-1']));
    expect(error).toBeInstanceOf(KassaApiError);
    expect(error).toMatchObject({
      code: 100007,
      codeName: 'duplicate_order',
      msg: 'duplicate_order: A-1 exists',
      path: 'bill/info',
    });
  });

  it('throws KassaSignatureError when the response was changed after signing', async () => {
    reply = () => ({
      ...ok({ payment_url: 'https://pay.example/pay/tok' }),
      tamper: (body) => body.replace('tok', 'evil'),
    });
    const error = await catchError(
      createClient().createCheckoutUrl({ product_price: '1', merchant_order_id: 'x', product_name: 'y' }),
    );
    expect(error).toBeInstanceOf(KassaSignatureError);
    expect((error as KassaSignatureError).reason).toBe('bad_signature');
  });

  it('throws KassaSignatureError when the response is signed with another secret or app id', async () => {
    reply = () => ({ ...ok([]), signAs: { appId: APP_ID, appSecret: 'not-the-secret' } });
    expect(await catchError(createClient().getOrders(['A']))).toMatchObject({ reason: 'bad_signature' });
    reply = () => ({ ...ok([]), signAs: { appId: '42', appSecret: APP_SECRET } });
    expect(await catchError(createClient().getOrders(['A']))).toMatchObject({ reason: 'wrong_app' });
  });

  it('throws KassaSignatureError on an unsigned response, with the unsigned error envelope as cause', async () => {
    reply = () => ({ body: JSON.stringify({ code: 100002, msg: 'unknown_app' }), signAs: false });
    const error = await catchError(createClient().getCoins());
    expect(error).toBeInstanceOf(KassaSignatureError);
    expect((error as KassaSignatureError).reason).toBe('missing_signature');
    expect((error as Error).cause).toBeInstanceOf(KassaApiError);
    expect((error as Error).cause).toMatchObject({ code: 100002 });

    reply = () => ({ ...ok({ list: [] }), signAs: false });
    const unsignedSuccess = await catchError(createClient().getCoins());
    expect(unsignedSuccess).toBeInstanceOf(KassaSignatureError);
    expect((unsignedSuccess as Error).cause).toBeUndefined();
  });

  it('throws KassaRequestError with the status on a non-200 response', async () => {
    reply = () => ({ status: 429, body: JSON.stringify({ code: 100012, msg: 'rate_limited' }) });
    const error = await catchError(createClient().getCoins());
    expect(error).toBeInstanceOf(KassaRequestError);
    expect(error).toMatchObject({ status: 429, path: 'coin/all' });
    // The envelope's code stays readable: a 503 while the gateway stops says service_unavailable.
    expect((error as Error).cause).toBeInstanceOf(KassaApiError);
    expect((error as Error).cause).toMatchObject({ code: 100012, codeName: 'rate_limited' });

    reply = () => ({ status: 502, body: '<html>bad gateway</html>' });
    const proxyError = await catchError(createClient().getCoins());
    expect(proxyError).toMatchObject({ name: 'KassaRequestError', status: 502 });
    expect((proxyError as Error).cause).toBeUndefined();
  });

  it('throws KassaRequestError when a signed 200 body is not an envelope', async () => {
    reply = () => ({ body: '<html>oops</html>' });
    expect(await catchError(createClient().getCoins())).toBeInstanceOf(KassaRequestError);
  });

  it('throws KassaRequestError when a success envelope lacks data for a typed method', async () => {
    reply = () => ok(null);
    expect(await catchError(createClient().getCoins())).toMatchObject({ name: 'KassaRequestError' });
    expect(await createClient().request('coin/all')).toBeNull();
  });

  it('times out with KassaRequestError after timeoutMs', async () => {
    reply = () => ({ ...ok({ list: [] }), delayMs: 1000 });
    const started = Date.now();
    const error = await catchError(createClient(100).getCoins());
    expect(error).toBeInstanceOf(KassaRequestError);
    expect((error as Error).message).toContain('timed out after 100 ms');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('wraps a connection failure in KassaRequestError with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = createKassaClient({ appId: APP_ID, appSecret: APP_SECRET, baseUrl: `http://127.0.0.1:${port}` });
    const error = await catchError(client.getCoins());
    expect(error).toBeInstanceOf(KassaRequestError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('never puts the secret in headers or error messages', async () => {
    reply = () => ({ body: JSON.stringify({ code: 100003, msg: 'bad_signature' }) });
    const error = await catchError(createClient().getCoins());
    expect(String((error as Error).message)).not.toContain(APP_SECRET);
    expect(JSON.stringify(received[0]?.headers)).not.toContain(APP_SECRET);
  });
});
