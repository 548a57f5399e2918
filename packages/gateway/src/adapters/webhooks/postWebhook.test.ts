// Guards against a webhook counted as delivered when the merchant did not acknowledge it, or a hung endpoint stalling the dispatcher.
import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createGuardedAgent } from './createGuardedAgent.ts';
import { parseCidrList } from './parseCidrList.ts';
import { postWebhook } from './postWebhook.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
type Received = { method: string; headers: IncomingMessage['headers']; body: string };

const agent = createGuardedAgent({ allowList: parseCidrList(['127.0.0.0/8']) });
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeServer(server)));
});

afterAll(async () => {
  await agent.close();
});

const BODY = '{"pay_status":"success","order_id":"202501010000000001"}';
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  appid: 'app_1',
  timestamp: '1735732800',
  sign: 'abc123',
};

async function startReceiver(handler: Handler): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() });
      handler(request, response);
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

function answer(statusCode: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(statusCode, headers);
    response.end(body);
  };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
}

describe('postWebhook', () => {
  it.each(['success', 'Success', 'SUCCESS\n', '{"result":"success"}'])(
    'counts HTTP 200 %j as delivered',
    async (reply) => {
      const { url, received } = await startReceiver(answer(200, reply));
      const result = await postWebhook({ url, body: BODY, headers: HEADERS, agent });
      expect(result).toMatchObject({ delivered: true, statusCode: 200, error: null, responseExcerpt: reply });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ method: 'POST', body: BODY });
      expect(received[0]?.headers).toMatchObject(HEADERS);
    },
  );

  it('fails HTTP 200 without "success" in the body', async () => {
    const { url } = await startReceiver(answer(200, 'ok'));
    expect(await postWebhook({ url, body: BODY, headers: HEADERS, agent })).toMatchObject({
      delivered: false,
      statusCode: 200,
      error: 'HTTP 200 without "success" in the body',
      responseExcerpt: 'ok',
    });
  });

  it('fails any status other than 200, even with "success" in the body', async () => {
    for (const statusCode of [201, 204, 500]) {
      const { url } = await startReceiver(answer(statusCode, statusCode === 204 ? '' : 'success'));
      expect(await postWebhook({ url, body: BODY, headers: HEADERS, agent })).toMatchObject({
        delivered: false,
        statusCode,
        error: `HTTP ${statusCode}`,
      });
    }
  });

  it('does not follow a redirect, and says where it pointed', async () => {
    const target = await startReceiver(answer(200, 'success'));
    const { url } = await startReceiver(answer(302, 'success', { location: target.url }));
    expect(await postWebhook({ url, body: BODY, headers: HEADERS, agent })).toMatchObject({
      delivered: false,
      statusCode: 302,
      error: `HTTP 302 redirect to ${target.url} not followed`,
    });
    expect(target.received).toHaveLength(0);
  });

  it('gives up on an endpoint that never answers once the timeout passes', async () => {
    const { url, received } = await startReceiver(() => {});
    const result = await postWebhook({ url, body: BODY, headers: HEADERS, agent, timeoutMs: 300 });
    expect(result).toMatchObject({ delivered: false, statusCode: null, error: 'timeout after 300 ms' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
    expect(result.latencyMs).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });

  it('counts the body read against the timeout too', async () => {
    const { url } = await startReceiver((_request, response) => {
      response.writeHead(200);
      response.write('succ');
    });
    const result = await postWebhook({ url, body: BODY, headers: HEADERS, agent, timeoutMs: 300 });
    expect(result).toMatchObject({ delivered: false, statusCode: 200, error: 'timeout after 300 ms' });
    expect(result.latencyMs).toBeLessThan(2_000);
  });

  it('reports a closed port as connection refused', async () => {
    const { url } = await startReceiver(answer(200, 'success'));
    await Promise.all(servers.splice(0).map((server) => closeServer(server)));
    expect(await postWebhook({ url, body: BODY, headers: HEADERS, agent })).toMatchObject({
      delivered: false,
      statusCode: null,
      error: 'connection refused',
    });
  });

  it('reports a connection dropped before any response', async () => {
    const { url } = await startReceiver((request) => request.socket.destroy());
    const result = await postWebhook({ url, body: BODY, headers: HEADERS, agent });
    expect(result).toMatchObject({ delivered: false, statusCode: null });
    expect(['connection closed by the server', 'connection reset']).toContain(result.error);
  });

  it('refuses a forbidden target without sending anything', async () => {
    const strictAgent = createGuardedAgent({ allowList: parseCidrList([]) });
    const { url, received } = await startReceiver(answer(200, 'success'));
    try {
      expect(await postWebhook({ url, body: BODY, headers: HEADERS, agent: strictAgent })).toMatchObject({
        delivered: false,
        statusCode: null,
        error: 'forbidden target: webhook target 127.0.0.1 is a loopback address',
      });
      expect(received).toHaveLength(0);
    } finally {
      await strictAgent.close();
    }
  });

  it('looks for "success" only in the first 4 KiB and keeps a 1 KiB excerpt', async () => {
    const long = `success${'x'.repeat(1_000_000)}`;
    const { url: early } = await startReceiver(answer(200, long));
    const delivered = await postWebhook({ url: early, body: BODY, headers: HEADERS, agent });
    expect(delivered).toMatchObject({ delivered: true, responseExcerpt: long.slice(0, 1024) });

    const { url: late } = await startReceiver(answer(200, `${'x'.repeat(5_000)}success`));
    expect(await postWebhook({ url: late, body: BODY, headers: HEADERS, agent })).toMatchObject({
      delivered: false,
      error: 'HTTP 200 without "success" in the body',
    });
  });

  it('cuts the excerpt at maxResponseBytes without splitting a character', async () => {
    const { url } = await startReceiver(answer(500, 'é'.repeat(600)));
    const result = await postWebhook({ url, body: BODY, headers: HEADERS, agent, maxResponseBytes: 101 });
    expect(result.responseExcerpt).toBe('é'.repeat(50));
  });

  it.each([
    ['not a url', 'invalid URL'],
    ['ftp://127.0.0.1/hook', 'unsupported URL scheme ftp:'],
    ['file:///etc/passwd', 'unsupported URL scheme file:'],
  ])('refuses %j without throwing', async (url, error) => {
    expect(await postWebhook({ url, body: BODY, headers: HEADERS, agent })).toMatchObject({
      delivered: false,
      statusCode: null,
      error,
    });
  });

  it('reports an unknown host name', async () => {
    const result = await postWebhook({ url: 'http://kassa-test.invalid/hook', body: BODY, headers: HEADERS, agent });
    expect(result).toMatchObject({ delivered: false, statusCode: null });
    expect(['host not found', 'DNS lookup failed (temporary)']).toContain(result.error);
  });
});
