// Risk: the buyer's page runs injected markup, loses its CSP, speaks the wrong language or answers for a token that does not exist.
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { USDT, useCheckoutTestGateway, WBTC } from './useCheckoutTestGateway.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors https://shop.example";
const XSS_NAME = `<script>alert("name")</script>"><img src=x onerror=alert(1)>`;
const XSS_VALUE = `"><img src=x onerror=alert(2)><script>alert('cv')</script>`;

describe.each(testDatabases())('checkout page ($kind)', (database) => {
  const t = useCheckoutTestGateway(database);

  it('shows product, USD price, time left and each coin grouped by coin then network, with its amount', async () => {
    const { path } = await t.createOrder();
    const page = await t.get(path);
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
    const { path } = await t.createOrder({ product_name: XSS_NAME, custom_value: XSS_VALUE });
    const page = await t.get(path);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain(
      '<bdi>&lt;script>alert(&quot;name&quot;)&lt;/script>&quot;>&lt;img src=x onerror=alert(1)></bdi>',
    );
    expect(page.text).toContain("<bdi>&quot;>&lt;img src=x onerror=alert(2)>&lt;script>alert('cv')&lt;/script></bdi>");
    // The only script is the page's own file.
    expect([...page.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      expect.stringMatching(/^<script src="\/pay\/assets\/checkout\.[0-9a-f]{10}\.js" defer>$/),
    ]);
  });

  it('sends a strict content security policy, no-store and the security headers', async () => {
    const { path } = await t.createOrder();
    const page = await t.get(path);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  it('speaks the language of Accept-Language, unless the switcher chose one', async () => {
    const { path } = await t.createOrder();
    const fr = await t.get(path, { 'accept-language': 'de-DE,fr-CA;q=0.9,en;q=0.5' });
    expect(fr.text).toMatch(/^<!doctype html><html lang="fr" dir="ltr">/);
    expect(fr.text).toContain('Choisissez une cryptomonnaie');
    const ar = await t.get(path, { 'accept-language': 'ar-EG' });
    expect(ar.text).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(ar.text).toContain('اختر عملة');
    const ja = await t.get(`${path}?lang=ja`, { 'accept-language': 'fr' });
    expect(ja.text).toMatch(/<html lang="ja"/);
    expect((await t.get(`${path}?lang=xx`, { 'accept-language': 'zh-TW' })).text).toMatch(/<html lang="zh-CN"/);
    expect((await t.get(path)).text).toMatch(/<html lang="en"/);
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
      const page = await t.get(`/pay/${token}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Payment link not found');
      expect((await t.get(`/pay/${token}/status.json`)).status).toBe(404);
      expect((await t.get(`/pay/${token}/events`)).status).toBe(404);
      expect((await t.choose(`/pay/${token}`, USDT.tokenId)).status).toBe(404);
    }
  });

  it('keeps reloading without JavaScript while payable, and hides the address once expired', async () => {
    const { path } = await t.createOrder({ order_valid_period: 60 });
    await t.choose(path, USDT.tokenId);
    expect((await t.get(path)).text).toContain('<noscript><meta http-equiv="refresh" content="15"/></noscript>');
    t.clock.advance(61_000);
    const page = await t.get(path);
    expect(page.text).toContain('This payment request has expired');
    expect(page.text).not.toMatch(/0x[0-9a-fA-F]{40}/);
    expect(page.text).not.toContain('qr-code');
    expect(page.text).not.toContain('http-equiv="refresh"');
    expect(JSON.parse((await t.get(`${path}/status.json`)).text)).toMatchObject({
      status: 'Expired',
      showTimer: false,
    });
  });
});
