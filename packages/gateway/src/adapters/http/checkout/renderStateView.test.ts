// Risk: a state of spec §6 shows the wrong screen — an address after expiry, no remaining amount when underpaid, a redirect before payment — or a language lacks a message the view needs.
import { describe, expect, it } from 'vitest';
import type { CheckoutPendingPayment, CheckoutState } from '../../../app/getCheckoutState.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import type { CheckoutErrorCode } from './CheckoutErrorCode.ts';
import { confirmed, DEV_NETWORK, HOUR, NOW, ORDER, QUOTE, stateOf } from './checkoutStateFixtures.ts';
import { createTranslator } from './createTranslator.ts';
import { loadCheckoutCatalogs } from './loadCheckoutCatalogs.ts';
import { CHECKOUT_LOCALES, type CheckoutLocale } from './pickLocale.ts';
import { renderStateView } from './renderStateView.tsx';

const catalogs = loadCheckoutCatalogs();
const english = catalogs.get('en') ?? {};
const translatorOf = (locale: CheckoutLocale) => createTranslator(catalogs.get(locale) ?? english, english);

function render(
  state: CheckoutState,
  extra: { isChoosing?: boolean; error?: CheckoutErrorCode; locale?: CheckoutLocale } = {},
) {
  const locale = extra.locale ?? 'en';
  return renderStateView({
    state,
    t: translatorOf(locale),
    locale,
    pagePath: '/pay/tokentokentokentoken',
    isChoosing: extra.isChoosing ?? false,
    error: extra.error ?? null,
  });
}

const AFTER_EXPIRY = NOW + HOUR + 60_000;
const PENDING: CheckoutPendingPayment = {
  txid: `0x${'12'.repeat(32)}`,
  network: DEV_NETWORK,
  amount: 4_000_000n,
  symbol: 'USDT',
  decimals: 6,
  confirmations: 1,
  requiredConfirmations: 3,
};

/** Every screen the page can show, with the state that leads to it. */
const SCREENS = {
  choose: stateOf({ quotes: [] }),
  awaiting: stateOf(),
  unpriced: stateOf({ isQuoteUnpriced: true }),
  detected: stateOf({ pending: [PENDING] }),
  underpaid: stateOf({ payments: [confirmed(4_000_000n, NOW + 1000)] }),
  underpaidAfterExpiry: stateOf({ payments: [confirmed(4_000_000n, NOW + 1000)], nowMs: AFTER_EXPIRY }),
  underpaidOverdue: stateOf({ payments: [confirmed(4_000_000n, AFTER_EXPIRY - 1)], nowMs: AFTER_EXPIRY }),
  paid: stateOf({ payments: [confirmed(10_500_000n, NOW + 1000)] }),
  paidOverdue: stateOf({ payments: [confirmed(10_500_000n, NOW + HOUR)], nowMs: AFTER_EXPIRY }),
  overpaid: stateOf({ payments: [confirmed(12_000_000n, NOW + 1000)] }),
  overpaidOverdue: stateOf({ payments: [confirmed(12_000_000n, NOW + HOUR + 1)], nowMs: AFTER_EXPIRY }),
  expired: stateOf({ nowMs: AFTER_EXPIRY }),
};

const CHECKSUMMED_ADDRESS = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('renderStateView', () => {
  it.each([
    ['choose', 'choose', 'Pending'],
    ['awaiting', 'awaiting', 'Pending'],
    ['unpriced', 'choose', 'Pending'],
    ['detected', 'detected', 'Pending'],
    ['underpaid', 'underpaid', 'Underpayment'],
    ['underpaidAfterExpiry', 'underpaid', 'Underpayment'],
    ['underpaidOverdue', 'underpaid', 'Underpayment (Overdue)'],
    ['paid', 'paid', 'Successful'],
    ['paidOverdue', 'paid', 'Paid (Overdue)'],
    ['overpaid', 'overpaid', 'Overpayment'],
    ['overpaidOverdue', 'overpaid', 'Overpayment (Overdue)'],
    ['expired', 'expired', 'Expired'],
  ] as const)('%s: shows the %s screen for %s', (screen, kind, status) => {
    const state = SCREENS[screen];
    expect(toOrderWireStatus(state.summary.status)).toBe(status);
    expect(render(state).kind).toBe(kind);
  });

  it('shows the address, QR code and a way to change coin only while the buyer is asked to pay', () => {
    const payable = ['awaiting', 'underpaid'] as const;
    for (const [screen, state] of Object.entries(SCREENS)) {
      const { html } = render(state);
      const isPayable = (payable as readonly string[]).includes(screen);
      expect(html.includes(CHECKSUMMED_ADDRESS), screen).toBe(isPayable);
      expect(html.includes('class="qr-code"'), screen).toBe(isPayable);
      expect(html.includes('choose=1'), screen).toBe(screen === 'awaiting');
    }
  });

  it('asks for the remaining amount when underpaid, in the text, the copy button and the QR code', () => {
    const { html, announce } = render(SCREENS.underpaid);
    expect(html).toContain('Send the remaining <bdi>6.5</bdi> <bdi>USDT</bdi> to the same address');
    expect(html).toContain('data-copy="6.5"');
    expect(html).toContain('aria-label="QR code: pay 6.5 USDT on Kassa Devnet (ERC20) to the deposit address"');
    expect(html).toMatch(/Still to pay<\/dt><dd dir="ltr">6\.5 USDT/);
    expect(announce).toBe('Partly paid: 6.5 USDT still to pay.');
    expect(render(SCREENS.underpaidAfterExpiry).html).toContain('The time to pay is over');
  });

  it('counts confirmations of a payment that is not deep enough yet', () => {
    const { html, announce } = render(SCREENS.detected);
    expect(html).toContain('Confirmations: <bdi>1</bdi> of <bdi>3</bdi>');
    expect(html).toContain('<progress aria-labelledby="confirmations-1" max="3" value="1"></progress>');
    expect(announce).toBe('Payment detected: 1 of 3 confirmations.');
  });

  it('returns to the merchant only once paid, and marks late payments', () => {
    for (const screen of ['paid', 'paidOverdue', 'overpaid', 'overpaidOverdue'] as const) {
      const view = render(SCREENS[screen]);
      expect(view.redirectUrl).toBe(ORDER.returnUrl);
      expect(view.html).toContain('data-redirect="https://shop.example/thanks?a=1&amp;b=&quot;2&quot;"');
      expect(view.html.includes('arrived after the time to pay'), screen).toBe(screen.endsWith('Overdue'));
      expect(view.showTimer).toBe(false);
    }
    for (const screen of ['awaiting', 'detected', 'underpaid', 'expired'] as const) {
      expect(render(SCREENS[screen]).redirectUrl).toBeNull();
      expect(render(SCREENS[screen]).html).not.toContain('data-redirect');
    }
    expect(render(SCREENS.expired).html).toContain('href="https://shop.example/thanks?a=1&amp;b=&quot;2&quot;"');
    expect(render(SCREENS.overpaid).html).toContain(
      'You sent <bdi>12</bdi> <bdi>USDT</bdi>, which is more than the <bdi>10.5</bdi>',
    );
  });

  it('lets the buyer go back to the list, marks the current coin and explains a refused choice', () => {
    const choosing = render(SCREENS.awaiting, { isChoosing: true, error: 'rate_unavailable' });
    expect(choosing.kind).toBe('choose');
    expect(choosing.html).toContain('<span class="tag">Current choice</span>');
    expect(choosing.html).toContain('<p class="alert" role="alert">The price of this coin is not available right now.');
    expect(choosing.html).toContain('href="/pay/tokentokentokentoken?lang=en">Back to payment</a>');
    expect(render(SCREENS.unpriced).html).toContain('role="alert"');
    // Once paid, asking for the list changes nothing.
    expect(render(SCREENS.paid, { isChoosing: true }).kind).toBe('paid');
  });

  it('renders every screen in every language, without internal ids, with a version that follows the HTML', () => {
    for (const locale of CHECKOUT_LOCALES) {
      const versions = new Set<string>();
      for (const state of Object.values(SCREENS)) {
        const view = render(state, { locale });
        expect(view.html).not.toContain(ORDER.orderId);
        expect(view.html).not.toContain(ORDER.appId);
        expect(view.html).not.toContain(QUOTE.xpubId);
        expect(view.html).not.toContain(String(QUOTE.quoteId));
        expect(view.announce).not.toBe('');
        expect(render(state, { locale }).version).toBe(view.version);
        versions.add(view.version);
      }
      expect(versions.size).toBe(Object.keys(SCREENS).length);
    }
    expect(render(SCREENS.awaiting, { locale: 'fr' }).version).not.toBe(render(SCREENS.awaiting).version);
  });
});
