import type { FastifyInstance } from 'fastify';
import { getNetworkHeights } from '../../../../app/getNetworkHeights.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import { getConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { maskRpcUrl } from './maskRpcUrl.ts';
import type { NetworkStatus } from './NetworkStatus.ts';
import { NetworksPage } from './NetworksPage.tsx';

/** `/console/networks`: each network's watcher progress and RPC health, and the funds ledger. */
export async function registerNetworkPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const { deps } = ctx;

  const readNetworks = async (): Promise<NetworkStatus[]> => {
    const [heights, cursors] = await Promise.all([getNetworkHeights(deps), deps.store.chain.listCursors()]);
    return Promise.all(
      heights.map(async (height) => {
        const endpoints = await Promise.all(
          height.network.rpcUrls.map(async (url) => ({
            maskedUrl: maskRpcUrl(url),
            // java-tron and most providers serve HTTP; a ws:// node is watched, not probed here.
            probe: /^wss?:/i.test(url) ? null : await ctx.rpcHealth.probe(url),
          })),
        );
        const heads = endpoints.flatMap((e) => (e.probe?.ok === true ? [e.probe.head] : []));
        return {
          ...height,
          cursorUpdatedAtMs: cursors.find((c) => c.networkKey === height.network.key)?.updatedAtMs ?? null,
          endpoints,
          head: heads.length === 0 ? null : heads.reduce((a, b) => (a > b ? a : b)),
        };
      }),
    );
  };

  fastify.get('/console/networks', async (request, reply) => {
    const networks = await readNetworks();
    // From memory: reading the ledger can take seconds at a million orders, and never on a page view.
    const funds = ctx.fundsLedger.peek('all');
    const page = (
      <NetworksPage assets={ctx.assets} session={getConsoleSession(request)} networks={networks} funds={funds} />
    );
    return sendHtml(request, reply, 200, renderHtmlDocument(page));
  });
}
