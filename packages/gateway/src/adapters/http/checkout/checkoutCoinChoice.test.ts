// Risk: the buyer cannot pick a coin without JavaScript, gets a wrong amount or address, or switches coin without end.
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { buildPaymentUri } from '../../chains/evm/buildPaymentUri.ts';
import { QrSvg } from './QrSvg.tsx';
import { ETH, USDC, USDT, USDT_DEV, useCheckoutTestGateway, WBTC } from './useCheckoutTestGateway.ts';

describe.each(testDatabases())('checkout coin choice ($kind)', (database) => {
  const t = useCheckoutTestGateway(database);

  it('picks a coin with a plain form post: exact amount, deposit address, EIP-681 QR code and a warning', async () => {
    const { path, merchantOrderId } = await t.createOrder();
    const response = await t.choose(path, USDT.tokenId);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${path}?lang=en`);
    const { quotes } = await t.quotesOf(merchantOrderId);
    expect(quotes).toHaveLength(1);
    const address = checksum(quotes[0]?.address ?? '');
    const page = await t.get(`${path}?lang=en`);
    expect(page.text).toContain('<h2 id="view-heading">Send exactly this amount</h2>');
    expect(page.text).toContain('<code>10.5</code> USDT');
    expect(page.text).toContain(`data-copy="10.5"`);
    expect(page.text).toContain(`<code class="value address" dir="ltr">${address}</code>`);
    expect(page.text).toContain(`data-copy="${address}"`);
    expect(page.text).toContain('<strong>Send only <bdi>USDT</bdi> on <bdi>Kassa Devnet (ERC20)</bdi>.</strong>');
    expect(page.text).toContain(USDT_DEV);
    const uri = buildPaymentUri({ chainId: 31337, to: address, contract: USDT_DEV, amount: 10_500_000n });
    expect(uri).toBe(`ethereum:${USDT_DEV}@31337/transfer?address=${address}&uint256=10500000`);
    expect(qrPathOf(page.text)).toBe(qrPathOf(render(QrSvg({ text: uri, label: '' }))));
    expect(page.text).toContain(`href="${path}?choose=1&amp;lang=en"`);
  });

  it("lets the buyer change coin, keeping the network's address; the native coin pays by value", async () => {
    const { path, merchantOrderId } = await t.createOrder();
    await t.choose(path, USDT.tokenId);
    const chooser = await t.get(`${path}?choose=1`);
    expect(chooser.text).toMatch(/Kassa Devnet \(ERC20\)<\/bdi><span class="tag">Current choice<\/span>/);
    await t.choose(path, ETH.tokenId);
    const { quotes } = await t.quotesOf(merchantOrderId);
    expect(quotes.map((q) => q.symbol)).toEqual(['USDT', 'ETH']);
    expect(new Set(quotes.map((q) => q.address)).size).toBe(1);
    const page = await t.get(path);
    const address = checksum(quotes[1]?.address ?? '');
    expect(page.text).toContain('<code>0.0042</code> ETH');
    expect(page.text).toContain('<strong>Send only <bdi>ETH</bdi> on <bdi>Kassa Devnet</bdi>.</strong>');
    const uri = `ethereum:${address}@31337?value=4200000000000000`;
    expect(qrPathOf(page.text)).toBe(qrPathOf(render(QrSvg({ text: uri, label: '' }))));
    // Choosing the current coin again keeps its quote and address.
    await t.choose(path, ETH.tokenId);
    expect((await t.quotesOf(merchantOrderId)).quotes).toHaveLength(2);
  });

  it('explains a refused choice and keeps the coin list', async () => {
    const { path } = await t.createOrder();
    const unpriced = await t.choose(path, WBTC.tokenId);
    expect(unpriced.headers.get('location')).toBe(`${path}?choose=1&error=rate_unavailable&lang=en`);
    const page = await t.get(unpriced.headers.get('location') ?? '');
    expect(page.text).toContain('<p class="alert" role="alert">The price of this coin is not available right now.');
    const unknown = await t.choose(path, '00000000-0000-5000-8000-000000000000');
    expect(unknown.headers.get('location')).toContain('error=unsupported_token');
    expect((await t.get(`${path}?error=<script>`)).text).not.toContain('<script>');
  });

  it('stops endless coin switching: one address per network, at most 10 quotes, then an explanation', async () => {
    const { path, merchantOrderId } = await t.createOrder();
    const locations: (string | null)[] = [];
    for (let i = 0; i < 12; i++) {
      locations.push((await t.choose(path, i % 2 === 0 ? USDT.tokenId : USDC.tokenId)).headers.get('location'));
    }
    expect(locations.slice(0, 10)).toEqual(Array(10).fill(`${path}?lang=en`));
    // The 11th asks for USDT again: refused. The 12th picks USDC, the coin shown: still fine.
    expect(locations.slice(10)).toEqual([`${path}?choose=1&error=too_many_changes&lang=en`, `${path}?lang=en`]);
    const { quotes } = await t.quotesOf(merchantOrderId);
    expect(quotes).toHaveLength(10);
    expect(new Set(quotes.map((q) => q.address)).size).toBe(1);
    const page = await t.get(locations[10] ?? '');
    expect(page.text).toContain(`<p class="alert" role="alert">This order's coin was changed too many times.`);
    expect((await t.get(path)).text).toContain('<code>10.5</code> USDC');
    const spanish = await t.get(`${path}?choose=1&error=too_many_changes&lang=es`);
    expect(spanish.text).toContain(
      '<p class="alert" role="alert">La moneda de este pedido se ha cambiado demasiadas veces.',
    );
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
