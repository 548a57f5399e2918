// Risk: the page's assets are served uncompressed, uncached or under a stale name, or the first load outgrows its weight budget.
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { USDT, useCheckoutTestGateway } from './useCheckoutTestGateway.ts';

describe.each(testDatabases())('checkout assets ($kind)', (database) => {
  const t = useCheckoutTestGateway(database);

  it('serves hashed, compressed, immutable assets; the first load stays within 40 KB compressed', async () => {
    const { path } = await t.createOrder();
    await t.choose(path, USDT.tokenId);
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
    expect((await t.get('/pay/assets/checkout.0000000000.js')).status).toBe(404);
  });
});

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
