import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../app/Deps.ts';
import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { createCheckoutViews } from './createCheckoutViews.ts';
import { createIpRateLimitHook } from './createIpRateLimitHook.ts';
import { loadCheckoutAssets } from './loadCheckoutAssets.ts';
import { loadCheckoutCatalogs } from './loadCheckoutCatalogs.ts';
import { registerCheckoutAssets } from './registerCheckoutAssets.ts';
import { registerCheckoutLiveFeed } from './registerCheckoutLiveFeed.ts';
import { registerCheckoutPages } from './registerCheckoutPages.tsx';

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
  const assets = loadCheckoutAssets();

  // The pages are open to anyone: a per-address budget keeps one client from monopolising them.
  // Hooked in this scope, it covers the three plugins below and nothing else: health checks,
  // polled by load balancers from one address, stay unlimited.
  fastify.addHook(
    'onRequest',
    createIpRateLimitHook({ requestsPerMinute: deps.config.server.ipRequestsPerMinute, clock: deps.clock }),
  );

  await fastify.register(registerCheckoutAssets, { assets });
  await fastify.register(registerCheckoutPages, {
    deps,
    views,
    assets: { css: assets.css.path, js: assets.js.path },
    devPanel: options.devPanel,
  });
  await fastify.register(registerCheckoutLiveFeed, { deps, views, livePollMs: options.livePollMs });
}
