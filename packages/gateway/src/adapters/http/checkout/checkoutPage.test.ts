// Risk: the buyer's page leaks internal ids, runs injected markup, loses its CSP, speaks the wrong language, cannot pick a coin or outgrows its weight budget.
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../../../test/fixtures/devChain.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import type { Network, Token } from '../../../core/network.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';
import { createFixedRateSource } from '../../rates/createFixedRateSource.ts';
import { buildPaymentUri } from './buildPaymentUri.ts';
import { renderQrSvg } from './renderQrSvg.ts';

const USDT_DEV = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const USDC_DEV = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const USDT_BSC = '0x55d398326f99059fF775485246999027B3197955';
const WBTC_BSC = '0x7130d2A12B9BCbFAe4f2634d864A1Ee1Ce3Ead9c';

const token = (
  networkKey: string,
  symbol: string,
  name: string,
  contract: `0x${string}` | null,
  decimals: number,
): Token => ({
  tokenId: deriveTokenId(networkKey, contract),
  networkKey,
  symbol,
  name,
  contract,
  decimals,
  isStable: symbol.startsWith('USD'),
});

// Plain network config: nothing here talks to a chain (no watcher runs in this suite).
const DEV: Network = {
  key: 'DEV',
  chainId: 31337,
  standard: 'ERC20',
  rpcUrls: ['http://127.0.0.1:9'],
  confirmations: 3,
  blockTimeSeconds: 1,
  xpub: DEV_CHAIN_XPUB,
  tokens: [
    token('DEV', 'USDT', 'Tether USD', USDT_DEV, 6),
    token('DEV', 'USDC', 'USD Coin', USDC_DEV, 6),
    token('DEV', 'ETH', 'Ether', null, 18),
  ],
};
const BSC: Network = {
  key: 'BSC',
  chainId: 56,
  standard: 'BEP20',
  rpcUrls: ['http://127.0.0.1:9'],
  confirmations: 15,
  blockTimeSeconds: 3,
  xpub: DEV_CHAIN_XPUB,
  tokens: [token('BSC', 'USDT', 'Tether USD', USDT_BSC, 18), token('BSC', 'WBTC', 'Wrapped BTC', WBTC_BSC, 18)],
};
const [USDT, USDC, ETH] = DEV.tokens as [Token, Token, Token];
const WBTC = BSC.tokens[1] as Token;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors https://shop.example";
const XSS_NAME = `<script>alert("name")</script>"><img src=x onerror=alert(1)>`;
const XSS_VALUE = `"><img src=x onerror=alert(2)><script>alert('cv')</script>`;

describe.each(testDatabases())('checkout page ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [DEV, BSC],
      rateSource: createFixedRateSource({ prices: { ETH: '2500' } }),
      configFile: { checkout: { frameAncestors: ['https://shop.example'] } },
    });
  });
  afterAll(async () => t.stop());

  let seq = 0;
  const createOrder = async (extra: Record<string, unknown> = {}) => {
    const merchantOrderId = `checkout-${++seq}`;
    const { payment_url } = await t.client.createCheckoutUrl({
      merchant_order_id: merchantOrderId,
      product_price: '10.5',
      product_name: 'Green tea',
      ...extra,
    });
    return { path: new URL(payment_url).pathname, merchantOrderId };
  };
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers, redirect: 'manual' });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const choose = async (path: string, tokenId: string) =>
    fetch(`${t.baseUrl}${path}/select?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token_id: tokenId }),
      redirect: 'manual',
    });
  const quotesOf = async (merchantOrderId: string) => {
    const [info] = await t.client.getOrders([merchantOrderId]);
    const orderId = info?.order_detail.order_id ?? '';
    return { orderId, quotes: await t.gateway.deps.store.quotes.listQuotesForOrders([orderId]) };
  };

  it('shows product, USD price, time left and each coin grouped by coin then network, with its amount', async () => {
    const { path } = await createOrder();
    const page = await get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1 class="product"><bdi>Green tea</bdi></h1>');
    expect(page.text).toContain('10.50 USD');
    expect(page.text).toMatch(/<time id="countdown" dir="ltr">24:00:00<\/time>/);
    const groups = [...page.text.matchAll(/<legend><span class="coin-symbol">(\w+)<\/span>.*?<\/fieldset>/g)].map(
      (m) => ({
        symbol: m[1],
        buttons: [
          ...m[0].matchAll(
            /<span class="coin-network"><bdi>(.*?)<\/bdi>(?:<span class="tag">.*?<\/span>)?<\/span><span class="coin-amount[^"]*"[^>]*>(.*?)<\/span>/g,
          ),
        ].map((b) => `${b[1]}: ${b[2]}`),
      }),
    );
    expect(groups).toEqual([
      { symbol: 'USDT', buttons: ['Kassa Devnet (ERC20): 10.5 USDT', 'BNB Smart Chain (BEP20): 10.5 USDT'] },
      { symbol: 'USDC', buttons: ['Kassa Devnet (ERC20): 10.5 USDC'] },
      { symbol: 'ETH', buttons: ['Kassa Devnet: 0.0042 ETH'] },
      { symbol: 'WBTC', buttons: ['BNB Smart Chain (BEP20): Unavailable right now'] },
    ]);
    expect(page.text).toContain(`value="${WBTC.tokenId}" disabled`);
  });

  it('escapes what the merchant supplied and shows it literally', async () => {
    const { path } = await createOrder({ product_name: XSS_NAME, custom_value: XSS_VALUE });
    const page = await get(path);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain(
      '&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(page.text).toContain(
      '&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&lt;script&gt;alert(&#39;cv&#39;)&lt;/script&gt;',
    );
    // The only script is the page's own file.
    expect([...page.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      expect.stringMatching(/^<script src="\/pay\/assets\/checkout\.[0-9a-f]{10}\.js" defer>$/),
    ]);
  });

  it('sends a strict content security policy, no-store and the security headers', async () => {
    const { path } = await createOrder();
    const page = await get(path);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  it('never puts internal ids in the page, its status or its stream', async () => {
    const { path, merchantOrderId } = await createOrder();
    expect((await choose(path, USDT.tokenId)).status).toBe(303);
    const { orderId, quotes } = await quotesOf(merchantOrderId);
    const texts = [
      (await get(path)).text,
      (await get(`${path}/status.json`)).text,
      await readFirstEvent(`${t.baseUrl}${path}/events`),
    ];
    for (const text of texts) {
      expect(text).not.toContain(orderId);
      expect(text).not.toContain(t.appId);
      expect(text).not.toContain(quotes[0]?.xpubId ?? 'no xpub id');
      expect(text).not.toMatch(/quote_?id|order_?id|app_?id/i);
    }
  });

  it('speaks the language of Accept-Language, unless the switcher chose one', async () => {
    const { path } = await createOrder();
    const fr = await get(path, { 'accept-language': 'de-DE,fr-CA;q=0.9,en;q=0.5' });
    expect(fr.text).toMatch(/^<!doctype html><html lang="fr" dir="ltr">/);
    expect(fr.text).toContain('Choisissez une cryptomonnaie');
    const ar = await get(path, { 'accept-language': 'ar-EG' });
    expect(ar.text).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(ar.text).toContain('اختر عملة');
    const ja = await get(`${path}?lang=ja`, { 'accept-language': 'fr' });
    expect(ja.text).toMatch(/<html lang="ja"/);
    expect((await get(`${path}?lang=xx`, { 'accept-language': 'zh-TW' })).text).toMatch(/<html lang="zh-CN"/);
    expect((await get(path)).text).toMatch(/<html lang="en"/);
    const switcher = [
      ...ja.text.matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+"(?: aria-current="true")?>([^<]+)<\/a>/g),
    ];
    expect(switcher.map((m) => m[2])).toEqual([
      'en',
      'zh-CN',
      'es',
      'pt',
      'ru',
      'tr',
      'vi',
      'id',
      'ja',
      'ko',
      'fr',
      'ar',
    ]);
    expect(switcher.map((m) => m[3])).toContain('العربية');
    expect(switcher[0]?.[1]).toBe(`${path}?lang=en`);
  });

  it('answers 404 for an unknown or malformed token, on every route', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'x', '..%2F..%2Fetc']) {
      const page = await get(`/pay/${token}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Payment link not found');
      expect((await get(`/pay/${token}/status.json`)).status).toBe(404);
      expect((await get(`/pay/${token}/events`)).status).toBe(404);
      expect((await choose(`/pay/${token}`, USDT.tokenId)).status).toBe(404);
    }
  });

  it('picks a coin with a plain form post: exact amount, deposit address, EIP-681 QR code and a warning', async () => {
    const { path, merchantOrderId } = await createOrder();
    const response = await choose(path, USDT.tokenId);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${path}?lang=en`);
    const { quotes } = await quotesOf(merchantOrderId);
    expect(quotes).toHaveLength(1);
    const address = checksum(quotes[0]?.address ?? '');
    const page = await get(`${path}?lang=en`);
    expect(page.text).toContain('<h2 id="view-heading">Send exactly this amount</h2>');
    expect(page.text).toContain('<code>10.5</code> USDT');
    expect(page.text).toContain(`data-copy="10.5"`);
    expect(page.text).toContain(`<code class="value address" dir="ltr">${address}</code>`);
    expect(page.text).toContain(`data-copy="${address}"`);
    expect(page.text).toContain('<strong>Send only <bdi>USDT</bdi> on <bdi>Kassa Devnet (ERC20)</bdi>.</strong>');
    expect(page.text).toContain(USDT_DEV);
    const uri = buildPaymentUri({ chainId: 31337, to: address, contract: USDT_DEV, amount: 10_500_000n });
    expect(uri).toBe(`ethereum:${USDT_DEV}@31337/transfer?address=${address}&uint256=10500000`);
    expect(qrPathOf(page.text)).toBe(qrPathOf(renderQrSvg({ text: uri, label: '' })));
    expect(page.text).toContain(`href="${path}?choose=1&amp;lang=en"`);
  });

  it("lets the buyer change coin, keeping the network's address; the native coin pays by value", async () => {
    const { path, merchantOrderId } = await createOrder();
    await choose(path, USDT.tokenId);
    const chooser = await get(`${path}?choose=1`);
    expect(chooser.text).toMatch(/Kassa Devnet \(ERC20\)<\/bdi><span class="tag">Current choice<\/span>/);
    await choose(path, ETH.tokenId);
    const { quotes } = await quotesOf(merchantOrderId);
    expect(quotes.map((q) => q.symbol)).toEqual(['USDT', 'ETH']);
    expect(new Set(quotes.map((q) => q.address)).size).toBe(1);
    const page = await get(path);
    const address = checksum(quotes[1]?.address ?? '');
    expect(page.text).toContain('<code>0.0042</code> ETH');
    expect(page.text).toContain('<strong>Send only <bdi>ETH</bdi> on <bdi>Kassa Devnet</bdi>.</strong>');
    const uri = `ethereum:${address}@31337?value=4200000000000000`;
    expect(qrPathOf(page.text)).toBe(qrPathOf(renderQrSvg({ text: uri, label: '' })));
    // Choosing the current coin again keeps its quote and address.
    await choose(path, ETH.tokenId);
    expect((await quotesOf(merchantOrderId)).quotes).toHaveLength(2);
  });

  it('explains a refused choice and keeps the coin list', async () => {
    const { path } = await createOrder();
    const unpriced = await choose(path, WBTC.tokenId);
    expect(unpriced.headers.get('location')).toBe(`${path}?choose=1&error=rate_unavailable&lang=en`);
    const page = await get(unpriced.headers.get('location') ?? '');
    expect(page.text).toContain('<p class="alert" role="alert">The price of this coin is not available right now.');
    const unknown = await choose(path, '00000000-0000-5000-8000-000000000000');
    expect(unknown.headers.get('location')).toContain('error=unsupported_token');
    expect((await get(`${path}?error=<script>`)).text).not.toContain('<script>');
  });

  it('stops endless coin switching: one address per network, at most 10 quotes, then an explanation', async () => {
    const { path, merchantOrderId } = await createOrder();
    const locations: (string | null)[] = [];
    for (let i = 0; i < 12; i++) {
      locations.push((await choose(path, i % 2 === 0 ? USDT.tokenId : USDC.tokenId)).headers.get('location'));
    }
    expect(locations.slice(0, 10)).toEqual(Array(10).fill(`${path}?lang=en`));
    // The 11th asks for USDT again: refused. The 12th picks USDC, the coin shown: still fine.
    expect(locations.slice(10)).toEqual([`${path}?choose=1&error=too_many_changes&lang=en`, `${path}?lang=en`]);
    const { quotes } = await quotesOf(merchantOrderId);
    expect(quotes).toHaveLength(10);
    expect(new Set(quotes.map((q) => q.address)).size).toBe(1);
    const page = await get(locations[10] ?? '');
    expect(page.text).toContain('<p class="alert" role="alert">This order&#39;s coin was changed too many times.');
    expect((await get(path)).text).toContain('<code>10.5</code> USDC');
    const spanish = await get(`${path}?choose=1&error=too_many_changes&lang=es`);
    expect(spanish.text).toContain(
      '<p class="alert" role="alert">La moneda de este pedido se ha cambiado demasiadas veces.',
    );
  });

  it('follows the order live: status.json and server-sent events carry the same view as the page', async () => {
    const { path } = await createOrder();
    const page = await get(path);
    const version = /data-version="([^"]+)"/.exec(page.text)?.[1];
    const status = JSON.parse((await get(`${path}/status.json`)).text);
    expect(status).toMatchObject({ version, status: 'Pending', view: 'choose', showTimer: true, redirectUrl: null });
    expect(status.remainingMs).toBe(86_400_000);

    const controller = new AbortController();
    const events = await fetch(`${t.baseUrl}${path}/events?lang=en`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = readEvents(events);
    try {
      expect((await reader.next()).view).toBe('choose');
      await choose(path, USDC.tokenId);
      const next = await reader.next();
      expect(next).toMatchObject({ status: 'Pending', view: 'awaiting', announce: 'Waiting for your payment.' });
      expect(next.html).toContain('Send only <bdi>USDC</bdi> on <bdi>Kassa Devnet (ERC20)</bdi>.');
      expect(JSON.parse((await get(`${path}/status.json`)).text).version).toBe(next.version);
    } finally {
      controller.abort();
    }
  });

  it('keeps reloading without JavaScript while payable, and hides the address once expired', async () => {
    const { path } = await createOrder({ order_valid_period: 60 });
    await choose(path, USDT.tokenId);
    expect((await get(path)).text).toContain('<noscript><meta http-equiv="refresh" content="15"></noscript>');
    t.clock.advance(61_000);
    const page = await get(path);
    expect(page.text).toContain('This payment request has expired');
    expect(page.text).not.toMatch(/0x[0-9a-fA-F]{40}/);
    expect(page.text).not.toContain('qr-code');
    expect(page.text).not.toContain('http-equiv="refresh"');
    expect(JSON.parse((await get(`${path}/status.json`)).text)).toMatchObject({ status: 'Expired', showTimer: false });
  });

  it('serves hashed, compressed, immutable assets; the first load stays within 40 KB compressed', async () => {
    const { path } = await createOrder();
    await choose(path, USDT.tokenId);
    const page = await getRaw(`${t.baseUrl}${path}`, 'br, gzip');
    expect(page.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(page.body).toString('utf8');
    expect(html).toContain('qr-code');
    const assetPaths = [...html.matchAll(/(?:href|src)="(\/pay\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assetPaths).toHaveLength(2);
    let total = page.body.length;
    for (const assetPath of assetPaths) {
      const asset = await getRaw(`${t.baseUrl}${assetPath}`, 'gzip, deflate, br');
      expect(asset.status).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      total += asset.body.length;
      const gzip = await getRaw(`${t.baseUrl}${assetPath}`, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      const plain = await getRaw(`${t.baseUrl}${assetPath}`, '');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(asset.body.length);
    }
    expect(total).toBeLessThanOrEqual(40 * 1024);
    expect((await get('/pay/assets/checkout.0000000000.js')).status).toBe(404);
  });
});

function checksum(address: string): string {
  // The page shows EIP-55 addresses; the URI builder applies the same checksum.
  return (
    /address=(0x[0-9a-fA-F]{40})/.exec(
      buildPaymentUri({ chainId: 1, to: address, contract: address, amount: 0n }),
    )?.[1] ?? ''
  );
}

function qrPathOf(html: string): string {
  return /<path stroke="#000" d="([^"]+)"/.exec(html)?.[1] ?? 'no QR code';
}

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

/** A GET that keeps the body as sent (fetch would decompress it and hide its size). */
function getRaw(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { headers: acceptEncoding === '' ? {} : { 'accept-encoding': acceptEncoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}
