// Server time to render the buyer's checkout page, per screen, on the TSX view layer (Preact's
// renderer, issue 15). Two parts: the screen (renderStateView: its markup with the QR code, and the
// version hash), made once per order state and language and shared by the page, status.json and
// every live stream; and the page around it (head, order summary, language switcher), made per
// page load. The QR code alone is timed too: it is most of a payable screen.
// Usage: npx tsx bench/checkout-render.ts [--iterations 1000] [--rounds 7]
import { parseArgs } from 'node:util';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { CheckoutPage } from '../packages/gateway/src/adapters/http/checkout/CheckoutPage.tsx';
import { confirmed, NOW, stateOf } from '../packages/gateway/src/adapters/http/checkout/checkoutStateFixtures.ts';
import { createCheckoutViews } from '../packages/gateway/src/adapters/http/checkout/createCheckoutViews.ts';
import { loadCheckoutCatalogs } from '../packages/gateway/src/adapters/http/checkout/loadCheckoutCatalogs.ts';
import { NotFoundPage } from '../packages/gateway/src/adapters/http/checkout/NotFoundPage.tsx';
import type { CheckoutLocale } from '../packages/gateway/src/adapters/http/checkout/pickLocale.ts';
import { QrSvg } from '../packages/gateway/src/adapters/http/checkout/QrSvg.tsx';
import { renderStateView } from '../packages/gateway/src/adapters/http/checkout/renderStateView.tsx';
import type { StateView } from '../packages/gateway/src/adapters/http/checkout/StateView.ts';
import { TRON_NETWORK, TRON_QUOTE } from '../packages/gateway/src/adapters/http/checkout/tronCheckoutFixtures.ts';
import { renderHtmlDocument } from '../packages/gateway/src/adapters/http/view/renderHtmlDocument.ts';
import type { CheckoutState } from '../packages/gateway/src/app/getCheckoutState.ts';
import { describeMachine } from './support/describeMachine.ts';

const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '7' } },
});
const ITERATIONS = Number(values.iterations);
const ROUNDS = Number(values.rounds);

const catalogs = loadCheckoutCatalogs();
const views = createCheckoutViews(catalogs);
const PAGE_PATH = '/pay/tokentokentokentoken';
const ASSETS = { css: '/pay/assets/checkout.0123456789.css', js: '/pay/assets/checkout.0123456789.js' };
const EIP681_URI =
  'ethereum:0x5FbDB2315678afecb367f032d93F642f64180aa3@31337/transfer?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8&uint256=10500000';

type Screen = { readonly name: string; readonly state: CheckoutState; readonly locale: CheckoutLocale };
const SCREENS: readonly Screen[] = [
  { name: 'choose a coin', state: stateOf({ quotes: [] }), locale: 'en' },
  { name: 'awaiting (EVM, QR)', state: stateOf(), locale: 'en' },
  { name: 'awaiting (EVM, QR), ar', state: stateOf(), locale: 'ar' },
  { name: 'awaiting (TRON, QR)', state: stateOf({ quotes: [TRON_QUOTE], network: TRON_NETWORK }), locale: 'en' },
  { name: 'underpaid (QR), fr', state: stateOf({ payments: [confirmed(4_000_000n, NOW + 1000)] }), locale: 'fr' },
  { name: 'paid', state: stateOf({ payments: [confirmed(10_500_000n, NOW + 1000)] }), locale: 'en' },
  { name: 'expired', state: stateOf({ nowMs: NOW + 2 * 3_600_000 }), locale: 'en' },
];

function renderScreen({ state, locale }: Screen): StateView {
  const t = views.translatorOf(locale);
  return renderStateView({ state, t, locale, pagePath: PAGE_PATH, isChoosing: false, error: null });
}

function renderPage({ state, locale }: Screen, view: StateView): string {
  // Called as a function: the page has no hooks, and renderHtmlDocument takes its `<html>` element.
  return renderHtmlDocument(
    CheckoutPage({
      state,
      view,
      t: views.translatorOf(locale),
      locale,
      catalogs,
      pagePath: PAGE_PATH,
      isChoosing: false,
      liveQuery: undefined,
      assets: ASSETS,
    }),
  );
}

/** µs per call of `fn`: the median and the fastest of `ROUNDS` rounds of `ITERATIONS` calls, after a warm-up. */
function time(fn: () => unknown): { median: number; min: number } {
  for (let i = 0; i < Math.min(ITERATIONS, 200); i++) fn();
  const perCall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) fn();
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS);
  }
  perCall.sort((a, b) => a - b);
  return { median: perCall[Math.floor(perCall.length / 2)] ?? Number.NaN, min: perCall[0] ?? Number.NaN };
}

const format = ({ median, min }: { median: number; min: number }) =>
  `${median.toFixed(1).padStart(8)} µs (min ${min.toFixed(1)})`;

console.log(`checkout-render benchmark — ${describeMachine()}`);
console.log(`${ITERATIONS} renders × ${ROUNDS} rounds each; median round, per render\n`);
console.log(`${'screen'.padEnd(26)}${'the screen'.padEnd(28)}the page around it`);
for (const screen of SCREENS) {
  const view = renderScreen(screen);
  const bytes = renderPage(screen, view).length;
  console.log(
    `${screen.name.padEnd(26)}${format(time(() => renderScreen(screen))).padEnd(28)}${format(time(() => renderPage(screen, view)))}  (${bytes} B)`,
  );
}
const t = views.translatorOf('en');
console.log(
  `${'not found page'.padEnd(26)}${''.padEnd(28)}${format(time(() => renderHtmlDocument(NotFoundPage({ t, locale: 'en', assets: ASSETS }))))}`,
);
console.log(
  `${'QR code alone (EIP-681)'.padEnd(26)}${format(time(() => render(h(QrSvg, { text: EIP681_URI, label: 'pay' }))))}`,
);
