// Risk: live updates show another view than the page, or leak internal ids through the status or the stream.
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { USDC, USDT, useCheckoutTestGateway } from './useCheckoutTestGateway.ts';

describe.each(testDatabases())('checkout live feed ($kind)', (database) => {
  const t = useCheckoutTestGateway(database);

  it('never puts internal ids in the page, its status or its stream', async () => {
    const { path, merchantOrderId } = await t.createOrder();
    expect((await t.choose(path, USDT.tokenId)).status).toBe(303);
    const { orderId, quotes } = await t.quotesOf(merchantOrderId);
    const texts = [
      (await t.get(path)).text,
      (await t.get(`${path}/status.json`)).text,
      await readFirstEvent(`${t.baseUrl}${path}/events`),
    ];
    for (const text of texts) {
      expect(text).not.toContain(orderId);
      expect(text).not.toContain(t.appId);
      expect(text).not.toContain(quotes[0]?.xpubId ?? 'no xpub id');
      expect(text).not.toMatch(/quote_?id|order_?id|app_?id/i);
    }
  });

  it('follows the order live: status.json and server-sent events carry the same view as the page', async () => {
    const { path } = await t.createOrder();
    const page = await t.get(path);
    const version = /data-version="([^"]+)"/.exec(page.text)?.[1];
    const status = JSON.parse((await t.get(`${path}/status.json`)).text);
    expect(status).toMatchObject({ version, status: 'Pending', view: 'choose', showTimer: true, redirectUrl: null });
    expect(status.remainingMs).toBe(86_400_000);

    const controller = new AbortController();
    const events = await fetch(`${t.baseUrl}${path}/events?lang=en`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = readEvents(events);
    try {
      expect((await reader.next()).view).toBe('choose');
      await t.choose(path, USDC.tokenId);
      const next = await reader.next();
      expect(next).toMatchObject({ status: 'Pending', view: 'awaiting', announce: 'Waiting for your payment.' });
      expect(next.html).toContain('Send only <bdi>USDC</bdi> on <bdi>Kassa Devnet (ERC20)</bdi>.');
      expect(JSON.parse((await t.get(`${path}/status.json`)).text).version).toBe(next.version);
    } finally {
      controller.abort();
    }
  });
});

async function readFirstEvent(url: string): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  try {
    return JSON.stringify(await readEvents(response).next());
  } finally {
    controller.abort();
  }
}

type LiveState = { version: string; status: string; view: string; html: string; announce: string };

function readEvents(response: Response) {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no event stream body');
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next(): Promise<LiveState> {
      for (;;) {
        const match = /event: state\ndata: (.*)\n\n/.exec(buffered);
        if (match !== null) {
          buffered = buffered.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1] ?? '') as LiveState;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffered += decoder.decode(value, { stream: true });
      }
    },
  };
}
