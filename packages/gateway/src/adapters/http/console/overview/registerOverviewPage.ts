import type { FastifyInstance } from 'fastify';
import { createConsoleOverviewReader } from '../../../../app/console/createConsoleOverviewReader.ts';
import { createConsoleQueries } from '../../../db/console/createConsoleQueries.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import { getConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { createHeadTracker } from './createHeadTracker.ts';
import { OverviewPage } from './OverviewPage.tsx';

/** `/console`: the overview, from figures that cost the same at a million orders as at a hundred. */
export async function registerOverviewPage(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const { deps } = ctx;
  const overview = createConsoleOverviewReader(deps, createConsoleQueries(ctx.kassaDb), ctx.fundsLedger, (error) =>
    fastify.log.warn({ err: error }, 'console overview: reloading its figures failed; the older ones stay shown'),
  );
  // The networks page's probes: one question per endpoint every 15 s, whichever page asks.
  const heads = createHeadTracker(
    () => deps.clock.now(),
    (url) => ctx.rpcHealth.probe(url),
  );

  fastify.get('/console', async (request, reply) => {
    const page = OverviewPage({
      assets: ctx.assets,
      session: getConsoleSession(request),
      overview: await overview.read(),
      heads: heads.heads(deps.networks),
    });
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });
}
