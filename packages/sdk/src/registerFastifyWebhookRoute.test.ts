// Guards against a fastify webhook route that verifies parsed JSON instead of raw bytes or disturbs other routes.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, createSignedWebhook, createWebhookPayload } from '../test/createSignedWebhook.ts';
import { kassaWebhookFastifyPlugin } from './kassaWebhookFastifyPlugin.ts';
import { registerFastifyWebhookRoute } from './registerFastifyWebhookRoute.ts';
import type { WebhookPayload } from './types.ts';

const NOW_SECONDS = 1_700_000_000;

let app: FastifyInstance;
let origin: string;
let delivered: WebhookPayload[] = [];
let failNext = false;

beforeAll(async () => {
  const options = {
    appId: APP_ID,
    appSecret: APP_SECRET,
    now: () => NOW_SECONDS * 1000,
    onWebhook: async (payload: WebhookPayload) => {
      if (failNext) throw new Error('ledger locked');
      delivered.push(payload);
    },
  };
  app = Fastify();
  registerFastifyWebhookRoute(app, { ...options, path: '/kassa/webhook' });
  await app.register(kassaWebhookFastifyPlugin, { ...options, path: '/hook', prefix: '/plugin' });
  // A merchant route registered after ours must still get parsed JSON.
  app.post('/orders', async (request) => ({ received: request.body }));
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
});

beforeEach(() => {
  delivered = [];
  failNext = false;
});

describe.each(['/kassa/webhook', '/plugin/hook'])('fastify webhook route %s', (path) => {
  it('answers 200 success to a signed webhook', async () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const response = await fetch(origin + path, { method: 'POST', headers, body });
    expect([response.status, await response.text()]).toEqual([200, 'success']);
    expect(delivered).toEqual([createWebhookPayload()]);
  });

  it('answers 401 to a forged webhook', async () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS, appId: '1' });
    const response = await fetch(origin + path, { method: 'POST', headers, body });
    expect([response.status, await response.text()]).toEqual([401, 'wrong_app']);
    expect(delivered).toEqual([]);
  });

  it('answers 500 when onWebhook throws', async () => {
    failNext = true;
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const response = await fetch(origin + path, { method: 'POST', headers, body });
    expect(response.status).toBe(500);
  });
});

describe('fastify webhook scope', () => {
  it('verifies over raw non-compact bytes, whatever the content type says', async () => {
    const body = JSON.stringify(createWebhookPayload(), null, 2);
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS, body });
    for (const contentType of ['application/json', 'application/json;charset=uf8', 'text/plain']) {
      const response = await fetch(`${origin}/kassa/webhook`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': contentType },
        body,
      });
      expect([contentType, response.status]).toEqual([contentType, 200]);
    }
  });

  it('answers 401 to an empty body, with or without a content type', async () => {
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const { 'Content-Type': _contentType, ...bare } = headers;
    for (const sent of [headers, bare]) {
      const response = await fetch(`${origin}/kassa/webhook`, { method: 'POST', headers: sent });
      expect([response.status, await response.text()]).toEqual([401, 'bad_signature']);
    }
  });

  it('answers 413 to a body over 64 KiB', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS, body });
    const response = await fetch(`${origin}/kassa/webhook`, { method: 'POST', headers, body });
    expect(response.status).toBe(413);
  });

  it("leaves the merchant's other routes parsing JSON", async () => {
    const response = await fetch(`${origin}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"id":"A-1"}',
    });
    expect(await response.json()).toEqual({ received: { id: 'A-1' } });
  });
});
