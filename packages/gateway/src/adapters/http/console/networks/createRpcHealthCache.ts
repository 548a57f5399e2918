import { probeRpcEndpoint, type RpcProbe } from '../../../chains/probeRpcEndpoint.ts';

/** How long a probe's answer is shown before the page asks the node again. */
export const RPC_HEALTH_TTL_MS = 15_000;

export type RpcHealthCache = {
  /** The endpoint's last probe if fresh, else a new one; concurrent callers share one probe. */
  probe(url: string): Promise<RpcProbe>;
};

/**
 * Probes are cached so reloading the networks page, or several operators looking at once, does not
 * hammer paid RPC providers. Keys are the configured URLs only, so the cache is bounded by the config.
 */
export function createRpcHealthCache(clock: { now(): number }, probe = probeRpcEndpoint): RpcHealthCache {
  const entries = new Map<string, { atMs: number; result: Promise<RpcProbe> }>();
  return {
    probe(url) {
      const nowMs = clock.now();
      const entry = entries.get(url);
      if (entry !== undefined && nowMs - entry.atMs < RPC_HEALTH_TTL_MS) return entry.result;
      const result = probe(url);
      entries.set(url, { atMs: nowMs, result });
      return result;
    },
  };
}
