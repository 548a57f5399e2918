// Guards against a node:http webhook endpoint that acknowledges forged webhooks or swallows merchant failures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, createSignedWebhook, createWebhookPayload } from '../test/createSignedWebhook.ts';
import { createWebhookRecorder } from '../test/createWebhookRecorder.ts';
import { postSignedWebhook } from '../test/postSignedWebhook.ts';
import { createNodeWebhookHandler } from './createNodeWebhookHandler.ts';
import { KassaWebhookError } from './KassaWebhookError.ts';

const NOW_SECONDS = 1_700_000_000;

let server: Server;
let url: string;
const recorder = createWebhookRecorder();
let errors: unknown[] = [];

beforeAll(async () => {
  const handler = createNodeWebhookHandler({
    appId: APP_ID,
    appSecret: APP_SECRET,
    now: () => NOW_SECONDS * 1000,
    onWebhook: async (payload) => recorder.onWebhook(payload),
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
  errors = [];
});

describe('createNodeWebhookHandler', () => {
  it('answers 200 success to a signed webhook and hands over the payload', async () => {
    expect(await postSignedWebhook(url, { timestamp: NOW_SECONDS })).toEqual({ status: 200, text: 'success' });
    expect(recorder.delivered).toEqual([createWebhookPayload()]);
  });

  it('answers 401 with the reason to a forged webhook and does not call onWebhook', async () => {
    const response = await postSignedWebhook(url, { timestamp: NOW_SECONDS, appSecret: 'forger' });
    expect(response).toEqual({ status: 401, text: 'bad_signature' });
    expect(recorder.delivered).toEqual([]);
    expect(errors[0]).toBeInstanceOf(KassaWebhookError);
  });

  it('answers 401 to a replayed webhook outside the window', async () => {
    const response = await postSignedWebhook(url, { timestamp: NOW_SECONDS - 3600 });
    expect(response).toEqual({ status: 401, text: 'stale_timestamp' });
  });

  it('answers 500 when onWebhook throws so Kassa retries', async () => {
    recorder.failNext = true;
    const response = await postSignedWebhook(url, { timestamp: NOW_SECONDS });
    expect(response.status).toBe(500);
    expect(response.text.toLowerCase()).not.toContain('success');
    expect((errors[0] as Error).message).toBe('merchant storage down');
  });

  it('answers 413 to a body over 64 KiB without calling onWebhook', async () => {
    const body = JSON.stringify({ ...createWebhookPayload(), padding: 'x'.repeat(70 * 1024) });
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS, body });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(413);
    expect(recorder.delivered).toEqual([]);
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
