// Guards against a fastify webhook route that verifies parsed JSON instead of raw bytes or disturbs other routes.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, createSignedWebhook, createWebhookPayload } from '../test/createSignedWebhook.ts';
import { createWebhookRecorder } from '../test/createWebhookRecorder.ts';
import { itAnswersAsWebhookEndpoint } from '../test/itAnswersAsWebhookEndpoint.ts';
import { kassaWebhookFastifyPlugin } from './kassaWebhookFastifyPlugin.ts';
import { registerFastifyWebhookRoute } from './registerFastifyWebhookRoute.ts';
import type { WebhookPayload } from './types.ts';

const NOW_SECONDS = 1_700_000_000;

let app: FastifyInstance;
let origin: string;
const recorder = createWebhookRecorder();

beforeAll(async () => {
  const options = {
    appId: APP_ID,
    appSecret: APP_SECRET,
    now: () => NOW_SECONDS * 1000,
    // Asynchronous here: a rejected promise must be answered like a throw.
    onWebhook: async (payload: WebhookPayload) => recorder.onWebhook(payload),
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

describe.each(['/kassa/webhook', '/plugin/hook'])('fastify webhook route %s', (path) => {
  itAnswersAsWebhookEndpoint({
    url: () => origin + path,
    recorder,
    nowSeconds: NOW_SECONDS,
    forgery: { options: { appId: '1' }, reason: 'wrong_app' },
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
