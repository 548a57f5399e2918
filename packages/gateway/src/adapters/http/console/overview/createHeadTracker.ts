import type { Network } from '../../../../core/network.ts';
import { probeRpcEndpoint, type RpcProbe } from '../../../chains/probeRpcEndpoint.ts';

/** How old a network's head may be before the next overview asks its node again. */
export const HEAD_MAX_AGE_MS = 15_000;

export type HeadTracker = {
  /**
   * Each network's newest head this process has heard from its nodes (the highest of its HTTP
   * endpoints), without waiting: heads older than {@link HEAD_MAX_AGE_MS} are asked for again
   * behind the page, so a slow or dead node never slows the overview; it shows no head instead.
   */
  heads(networks: readonly Network[]): ReadonlyMap<string, bigint>;
};

/** A head tracker over `probe` (the networks page's RPC probe by default). */
export function createHeadTracker(
  now: () => number,
  probe: (url: string) => Promise<RpcProbe> = probeRpcEndpoint,
): HeadTracker {
  const known = new Map<string, bigint>();
  let askedAtMs = Number.NEGATIVE_INFINITY;
  const ask = async (network: Network) => {
    // WebSocket URLs are the watcher's; the probe speaks HTTP JSON-RPC only.
    const urls = network.rpcUrls.filter((url) => /^https?:/i.test(url));
    const probes = await Promise.all(urls.map((url) => probe(url)));
    const heads = probes.flatMap((p) => (p.ok ? [p.head] : []));
    if (heads.length === 0) known.delete(network.key);
    else
      known.set(
        network.key,
        heads.reduce((a, b) => (a > b ? a : b)),
      );
  };
  return {
    heads(networks) {
      if (now() - askedAtMs >= HEAD_MAX_AGE_MS) {
        askedAtMs = now();
        // The probe answers every failure as a value, so nothing is left to reject here.
        void Promise.all(networks.map(ask));
      }
      return known;
    },
  };
}
