// Risk: a TRON buyer sees a 0x address, a QR code that claims to carry an amount it does not, a dead
// wallet link or explorer links in EVM form; a simulated network passes for the real one.
import { render as renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { CheckoutPendingPayment, CheckoutState } from '../../../app/getCheckoutState.ts';
import type { Network } from '../../../core/network.ts';
import { confirmed, DEV_NETWORK, NOW, QUOTE, stateOf } from './checkoutStateFixtures.ts';
import { createTranslator } from './createTranslator.ts';
import { loadCheckoutCatalogs } from './loadCheckoutCatalogs.ts';
import { CHECKOUT_LOCALES, type CheckoutLocale } from './pickLocale.ts';
import { QrSvg } from './QrSvg.tsx';
import { renderStateView } from './renderStateView.tsx';
import {
  ADDRESS_T,
  TRON_DEV_NETWORK,
  TRON_DEV_QUOTE,
  TRON_NETWORK,
  TRON_QUOTE,
  USDT_T,
} from './tronCheckoutFixtures.ts';

const catalogs = loadCheckoutCatalogs();
const english = catalogs.get('en') ?? {};

function render(state: CheckoutState, locale: CheckoutLocale = 'en') {
  const t = createTranslator(catalogs.get(locale) ?? english, english);
  return renderStateView({ state, t, locale, pagePath: '/pay/tokentokentokentoken', isChoosing: false, error: null });
}

const tron = (o: Parameters<typeof stateOf>[0] = {}) => stateOf({ quotes: [TRON_QUOTE], network: TRON_NETWORK, ...o });
const tronPending = (network: Network): CheckoutPendingPayment => ({
  txid: `0x${'5e'.repeat(32)}`,
  network,
  amount: 4_000_000n,
  symbol: 'USDT',
  decimals: 6,
  confirmations: 3,
  requiredConfirmations: 19,
});
const TRON_HINT = 'Scanning gives your wallet only the address: enter the amount shown here yourself.';
const EVM_HINT = 'Scan with your wallet app: the token, network, address and amount are filled in for you.';
const NEW_TAB = '<span class="visually-hidden"> (opens in a new tab)</span>';

/** The path of the page's QR code, which draws exactly the text it encodes. */
const qrPathOf = (html: string) => /<svg class="qr-code"[\s\S]*?<path stroke="#000" d="([^"]+)"/.exec(html)?.[1];

describe('the checkout on TRON', () => {
  it('shows the deposit address and the USDT contract in T… form, never as 0x hex', () => {
    const { html } = render(tron());
    expect(html).toContain(`<code class="value address" dir="ltr">${ADDRESS_T}</code>`);
    expect(html).toContain(`data-copy="${ADDRESS_T}"`);
    expect(html).toContain(`<code class="value small" dir="ltr">${USDT_T}</code>`);
    expect(html).toContain('Send only <bdi>USDT</bdi> on <bdi>TRON (TRC20)</bdi>.');
    expect(html.toLowerCase()).not.toContain(TRON_QUOTE.address.slice(2));
    expect(html.toLowerCase()).not.toContain((TRON_QUOTE.contract ?? '').slice(2));
  });

  it('puts the bare T address in the QR code, says the amount is typed by hand, and offers no wallet link', () => {
    const { html } = render(tron());
    expect(qrPathOf(html)).toBe(qrPathOf(renderToString(QrSvg({ text: ADDRESS_T, label: '' }))));
    expect(html).toContain('aria-label="QR code of the deposit address on TRON (TRC20)"');
    expect(html).toContain(`<figcaption>${TRON_HINT}</figcaption>`);
    expect(html).not.toContain(EVM_HINT);
    expect(html).not.toContain('class="wallet"');
    // The EVM page keeps its payment URI, wallet link and hint.
    const evm = render(stateOf()).html;
    expect(evm).toContain(`<figcaption>${EVM_HINT}</figcaption>`);
    expect(evm).toContain('<p class="wallet"><a class="button" href="ethereum:');
    expect(evm).not.toContain(TRON_HINT);
  });

  it('links the address to TronScan in T… form, in a new tab that gets no handle on the page', () => {
    expect(render(tron()).html).toContain(
      `<a class="explorer" href="https://tronscan.org/#/address/${ADDRESS_T}" target="_blank" rel="noopener noreferrer">View on explorer${NEW_TAB}</a>`,
    );
  });

  it('links each payment, still confirming or counted, to TronScan by its txid without 0x', () => {
    const paid = confirmed(4_000_000n, NOW + 1000, TRON_QUOTE);
    const txid = paid.txid.slice(2);
    const link = `<a class="explorer" href="https://tronscan.org/#/transaction/${txid}" target="_blank" rel="noopener noreferrer"><code class="txid" dir="ltr">${txid}</code>${NEW_TAB}</a>`;
    expect(txid).toMatch(/^[0-9a-f]{64}$/);
    // Underpaid and paid: both list what counted.
    for (const [payment, amount] of [
      [paid, '4 USDT'],
      [{ ...paid, amount: 10_500_000n }, '10.5 USDT'],
    ] as const) {
      const { html } = render(tron({ payments: [payment] }));
      expect(html).toContain(
        `<div class="txs"><h3 class="txs-heading">Your transactions</h3><ul><li><span class="tx-amount" dir="ltr">${amount}</span>${link}</li></ul></div>`,
      );
    }
    const detected = render(tron({ pending: [tronPending(TRON_NETWORK)] })).html;
    expect(detected).toContain(
      `<p class="tx"><span class="tx-label">Transaction</span> <a class="explorer" href="https://tronscan.org/#/transaction/${'5e'.repeat(32)}"`,
    );
  });

  it('links EVM addresses and txids Etherscan-style where the network has an explorer', () => {
    const network = { ...DEV_NETWORK, explorerUrl: 'https://etherscan.io' };
    const paid = confirmed(4_000_000n, NOW + 1000);
    const { html } = render(stateOf({ network, payments: [paid] }));
    expect(html).toContain(`href="https://etherscan.io/address/${QUOTE.address}"`);
    expect(html).toContain(`<a class="explorer" href="https://etherscan.io/tx/${paid.txid}" target="_blank"`);
    expect(html).toContain(`<code class="txid" dir="ltr">${paid.txid}</code>`);
  });

  it('shows txids but links nothing on networks without an explorer (the devnet, the TRON sandbox)', () => {
    const states = [
      stateOf({ payments: [confirmed(4_000_000n, NOW + 1000)] }),
      stateOf({ pending: [tronPending(TRON_DEV_NETWORK)], quotes: [TRON_DEV_QUOTE], network: TRON_DEV_NETWORK }),
      stateOf({
        payments: [confirmed(4_000_000n, NOW + 1000, TRON_DEV_QUOTE)],
        quotes: [TRON_DEV_QUOTE],
        network: TRON_DEV_NETWORK,
      }),
    ];
    for (const state of states) {
      const { html } = render(state);
      expect(html).toContain('<code class="txid" dir="ltr">');
      expect(html).not.toContain('<a class="explorer"');
      expect(html).not.toContain('View on explorer');
    }
  });

  it('names the TRON sandbox a simulation and says so on the page; real networks carry no such note', () => {
    const sandbox = render(stateOf({ quotes: [TRON_DEV_QUOTE], network: TRON_DEV_NETWORK })).html;
    expect(sandbox).toContain('Send only <bdi>USDT</bdi> on <bdi>TRON sandbox (simulated, TRC20)</bdi>.');
    expect(sandbox).toContain(
      '<p class="simulated">Simulated network: it runs on a local test chain, not on the real network, and nothing paid on it has any value.</p>',
    );
    expect(sandbox).toContain(`<code class="value address" dir="ltr">${ADDRESS_T}</code>`);
    for (const state of [tron(), stateOf()]) expect(render(state).html).not.toContain('class="simulated"');
    expect(render(stateOf()).html).toContain('<bdi>Kassa Devnet (ERC20)</bdi>');
  });

  it('speaks every language on TRON, each in its own words', () => {
    const state = tron({ payments: [confirmed(4_000_000n, NOW + 1000, TRON_QUOTE)] });
    for (const locale of CHECKOUT_LOCALES) {
      const catalog = catalogs.get(locale) ?? {};
      const { html } = render(tron(), locale);
      const t = createTranslator(catalog, english);
      expect(html, locale).toContain(`<figcaption>${renderToString(t.node('pay.qrHintAddressOnly'))}</figcaption>`);
      expect(html, locale).toContain(`>${renderToString(t.node('pay.viewOnExplorer'))}<span class="visually-hidden">`);
      expect(render(state, locale).html, locale).toContain(renderToString(t.node('tx.heading')));
      if (locale === 'en') continue;
      for (const key of ['pay.qrHintAddressOnly', 'pay.qrLabelAddress', 'pay.viewOnExplorer', 'pay.simulated']) {
        expect(catalog[key], `${locale} ${key}`).not.toBe(english[key]);
      }
    }
  });
});
