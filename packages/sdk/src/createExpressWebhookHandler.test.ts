// Guards against an express webhook route that breaks under express.raw, with no parser, or acknowledges forgeries.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, createSignedWebhook, createWebhookPayload } from '../test/createSignedWebhook.ts';
import { createWebhookRecorder } from '../test/createWebhookRecorder.ts';
import { itAnswersAsWebhookEndpoint } from '../test/itAnswersAsWebhookEndpoint.ts';
import { createExpressWebhookHandler } from './createExpressWebhookHandler.ts';

const NOW_SECONDS = 1_700_000_000;

let server: Server;
let origin: string;
const recorder = createWebhookRecorder();

beforeAll(async () => {
  const handler = createExpressWebhookHandler({
    appId: APP_ID,
    appSecret: APP_SECRET,
    now: () => NOW_SECONDS * 1000,
    onWebhook: recorder.onWebhook,
  });
  const app = express();
  app.post('/raw', express.raw({ type: '*/*' }), handler);
  app.post('/bare', handler);
  app.post('/json', express.json(), handler);
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.each(['/raw', '/bare', '/json'])('createExpressWebhookHandler at %s', (path) => {
  itAnswersAsWebhookEndpoint({
    url: () => origin + path,
    recorder,
    nowSeconds: NOW_SECONDS,
    forgery: {
      options: { sentBody: JSON.stringify(createWebhookPayload({ paid_amount: '1000000' })) },
      reason: 'bad_signature',
    },
  });
});

describe('createExpressWebhookHandler raw bytes', () => {
  it('verifies non-compact bytes when it gets them raw', async () => {
    const body = JSON.stringify(createWebhookPayload(), null, 2);
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS, body });
    for (const path of ['/raw', '/bare']) {
      const response = await fetch(origin + path, { method: 'POST', headers, body });
      expect([path, response.status]).toEqual([path, 200]);
    }
  });

  it('reads an unparsed body even when its content type is not JSON', async () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const response = await fetch(`${origin}/bare`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body,
    });
    expect(response.status).toBe(200);
  });
});
