import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../app/Deps.ts';
import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { loadStaticAsset } from '../view/loadStaticAsset.ts';
import { registerStaticAssets } from '../view/registerStaticAssets.ts';
import { createCheckoutViews } from './createCheckoutViews.ts';
import { createIpRateLimitHook } from './createIpRateLimitHook.ts';
import { loadCheckoutCatalogs } from './loadCheckoutCatalogs.ts';
import { registerCheckoutLiveFeed } from './registerCheckoutLiveFeed.ts';
import { registerCheckoutPages } from './registerCheckoutPages.tsx';

/** The checkout's stylesheet and script, content-hashed, cached for a year. */
const CHECKOUT_ASSETS_DIR = '/pay/assets/';

export type RegisterCheckoutOptions = {
  readonly deps: Deps;
  /** How often open live-update streams re-read their orders; 1 s by default. */
  readonly livePollMs?: number;
  /** Sandbox only (`kassa dev`): renders the sandbox wallet shown under the order. */
  readonly devPanel?: (state: CheckoutState) => string;
};

/**
 * Everything under `/pay/`: the assets, the pages and their live feed, each its own plugin. This
 * scope holds what they share: the catalogs and rendered views, read once at startup, and the
 * per-address request budget.
 */
export async function registerCheckout(fastify: FastifyInstance, options: RegisterCheckoutOptions) {
  const { deps } = options;
  const views = createCheckoutViews(loadCheckoutCatalogs());
  const css = loadStaticAsset(new URL('./assets/checkout.css', import.meta.url), CHECKOUT_ASSETS_DIR);
  const js = loadStaticAsset(new URL('./assets/checkout.js', import.meta.url), CHECKOUT_ASSETS_DIR);

  // The pages are open to anyone: a per-address budget keeps one client from monopolising them.
  // Hooked in this scope, it covers the three plugins below and nothing else: health checks,
  // polled by load balancers from one address, stay unlimited.
  fastify.addHook(
    'onRequest',
    createIpRateLimitHook({ requestsPerMinute: deps.config.server.ipRequestsPerMinute, clock: deps.clock }),
  );

  await fastify.register(registerStaticAssets, { publicDir: CHECKOUT_ASSETS_DIR, assets: [css, js] });
  await fastify.register(registerCheckoutPages, {
    deps,
    views,
    assets: { css: css.path, js: js.path },
    devPanel: options.devPanel,
  });
  await fastify.register(registerCheckoutLiveFeed, { deps, views, livePollMs: options.livePollMs });
}
