// Risk: an outgoing call to an RPC node or exchange that hangs, floods memory or ignores its caller's abort.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/startWebhookReceiver.ts';
import { HttpExchangeError } from './HttpExchangeError.ts';
import { type HttpRequest, sendHttpRequest } from './sendHttpRequest.ts';

type Behaviour = 'echo' | 'hang' | 'huge' | 'teapot';
let behaviour: Behaviour = 'echo';
let server: WebhookReceiver;
beforeAll(async () => {
  server = await startWebhookReceiver((_path, rawBody) => {
    if (behaviour === 'hang') return 'hang';
    if (behaviour === 'huge') return { status: 200, body: ' '.repeat(256 * 1024) };
    return { status: behaviour === 'teapot' ? 418 : 200, body: `got ${rawBody.toString('utf8')}` };
  });
});
afterAll(() => server.close());

const send = (request: Partial<HttpRequest> = {}, url = server.baseUrl) =>
  sendHttpRequest(new URL(url), { timeoutMs: 2_000, maxResponseBytes: 64 * 1024, ...request });

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => expect.fail('the request succeeded'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(HttpExchangeError);
      return error as HttpExchangeError;
    },
  );

describe('sendHttpRequest', () => {
  it('sends the body and returns status, headers and the whole body, whatever the status', async () => {
    behaviour = 'echo';
    const answer = await send({ method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('got {"a":1}');
    expect(server.received.at(-1)?.headers['content-type']).toBe('application/json');
    behaviour = 'teapot';
    expect((await send()).status).toBe(418);
  });

  it('sends the user and password of the URL as Basic authorization', async () => {
    behaviour = 'echo';
    await send({}, server.baseUrl.replace('http://', 'http://user:p%40ss@'));
    expect(server.received.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
  });

  it('gives up on a server that does not answer once the time is up', async () => {
    behaviour = 'hang';
    const startedAt = performance.now();
    const error = await failureOf(send({ timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(performance.now() - startedAt).toBeLessThan(1_500);
  });

  it("stops when the caller's signal aborts, and at once when it already has", async () => {
    behaviour = 'hang';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await failureOf(send({ signal: controller.signal }))).kind).toBe('aborted');
    expect((await failureOf(send({ signal: AbortSignal.abort() }))).kind).toBe('aborted');
  });

  it('drops an answer larger than the limit, keeping its status', async () => {
    behaviour = 'huge';
    const error = await failureOf(send({ maxResponseBytes: 64 * 1024 }));
    expect(error).toMatchObject({ kind: 'too_large', status: 200 });
  });

  it('names a refused connection and an unsupported scheme as network failures', async () => {
    const closed = await startWebhookReceiver(() => 'hang');
    await closed.close();
    expect((await failureOf(send({}, closed.baseUrl))).kind).toBe('network');
    expect((await failureOf(send({}, 'ftp://127.0.0.1/x'))).message).toContain('ftp:');
  });
});
