// Guards against a node:http webhook endpoint that acknowledges forged webhooks or swallows merchant failures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, createSignedWebhook, createWebhookPayload } from '../test/createSignedWebhook.ts';
import { createNodeWebhookHandler } from './createNodeWebhookHandler.ts';
import { KassaWebhookError } from './KassaWebhookError.ts';
import type { WebhookPayload } from './types.ts';

const NOW_SECONDS = 1_700_000_000;

let server: Server;
let url: string;
let delivered: WebhookPayload[] = [];
let errors: unknown[] = [];
let failNext = false;

beforeAll(async () => {
  const handler = createNodeWebhookHandler({
    appId: APP_ID,
    appSecret: APP_SECRET,
    now: () => NOW_SECONDS * 1000,
    onWebhook: async (payload) => {
      if (failNext) throw new Error('database down');
      delivered.push(payload);
    },
    onError: (error) => errors.push(error),
  });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kassa/webhook`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  delivered = [];
  errors = [];
  failNext = false;
});

describe('createNodeWebhookHandler', () => {
  it('answers 200 success to a signed webhook and hands over the payload', async () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('success');
    expect(delivered).toEqual([createWebhookPayload()]);
  });

  it('answers 401 with the reason to a forged webhook and does not call onWebhook', async () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS, appSecret: 'forger' });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('bad_signature');
    expect(delivered).toEqual([]);
    expect(errors[0]).toBeInstanceOf(KassaWebhookError);
  });

  it('answers 401 to a replayed webhook outside the window', async () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS - 3600 });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect([response.status, await response.text()]).toEqual([401, 'stale_timestamp']);
  });

  it('answers 500 when onWebhook throws so Kassa retries', async () => {
    failNext = true;
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(500);
    expect((await response.text()).toLowerCase()).not.toContain('success');
    expect((errors[0] as Error).message).toBe('database down');
  });

  it('answers 413 to a body over 64 KiB without calling onWebhook', async () => {
    const body = JSON.stringify({ ...createWebhookPayload(), padding: 'x'.repeat(70 * 1024) });
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS, body });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(413);
    expect(delivered).toEqual([]);
  });

  it('answers 413 to a chunked body that grows past the cap', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const response = await fetch(url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers 405 to other methods', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(405);
  });
});
