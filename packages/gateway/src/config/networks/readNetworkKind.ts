import type { NetworkDefaults } from '../../adapters/chains/builtInNetworks.ts';
import { NETWORK_KINDS } from '../../adapters/chains/networkKinds.ts';
import type { NetworkKind } from '../../core/network.ts';
import { ConfigError } from '../ConfigError.ts';
import { readHttpUrl } from '../read/readHttpUrl.ts';
import { readList } from '../read/readList.ts';

export type NetworkKindSettings = {
  readonly kind: NetworkKind;
  readonly explorerUrl?: string;
  readonly httpApiUrls?: readonly string[];
};

/**
 * Reads what a network's kind brings (`networks.<KEY>.kind`, fixed on a built-in network, else
 * `evm` unless set), its `explorerUrl` over the built-in one, and on TRON its `httpApiUrls`: the
 * node's HTTP API, which alone tells a TRX transfer from a TRC-10 token one. They default to the
 * RPC URLs without their `/jsonrpc` path, which is where TronGrid and java-tron's own gateway
 * serve both; a node with its JSON-RPC on another port needs them set.
 */
export function readNetworkKind(
  settings: Readonly<Record<string, unknown>>,
  setting: string,
  defaults: NetworkDefaults | undefined,
  rpcUrls: readonly string[],
): NetworkKindSettings {
  if (defaults !== undefined && settings.kind !== undefined && settings.kind !== defaults.kind) {
    throw new ConfigError(`${setting}.kind`, `is ${defaults.kind} on a built-in network and cannot be changed`);
  }
  const name = settings.kind ?? defaults?.kind ?? 'evm';
  if (name !== 'evm' && name !== 'tron') throw new ConfigError(`${setting}.kind`, 'must be "evm" or "tron"');
  const kind = NETWORK_KINDS[name];
  const explorerUrl =
    settings.explorerUrl === undefined
      ? defaults?.explorerUrl
      : readHttpUrl(settings.explorerUrl, `${setting}.explorerUrl`).replace(/\/+$/, '');
  const base = explorerUrl === undefined ? {} : { explorerUrl };
  if (name !== 'tron') {
    if (settings.httpApiUrls !== undefined)
      throw new ConfigError(`${setting}.httpApiUrls`, 'is for TRON networks only');
    return { kind, ...base };
  }
  // java-tron serves no websocket JSON-RPC: refused here, not when the watcher starts.
  if (rpcUrls.some((url) => /^wss?:/i.test(url))) {
    throw new ConfigError(
      `${setting}.rpcUrls`,
      'must be http(s):// URLs on TRON: its nodes serve JSON-RPC over HTTP only',
    );
  }
  const httpApiUrls =
    settings.httpApiUrls === undefined
      ? rpcUrls.flatMap((url) => (/\/jsonrpc\/?$/.test(url) ? [url.replace(/\/jsonrpc\/?$/, '')] : []))
      : readList(settings.httpApiUrls, `${setting}.httpApiUrls`, 'http(s):// URLs', (v, s) => readHttpUrl(v, s));
  if (rpcUrls.length > 0 && httpApiUrls.length === 0) {
    throw new ConfigError(
      `${setting}.httpApiUrls`,
      "is required when no RPC URL ends in /jsonrpc: the node's HTTP API (e.g. http://node:8090) tells TRX payments from TRC-10 tokens",
    );
  }
  return { kind, ...base, httpApiUrls };
}
