import { BUILT_IN_NETWORKS } from '../../adapters/chains/builtInNetworks.ts';
import type { Network } from '../../core/network.ts';
import { ConfigError } from '../ConfigError.ts';
import { readObject } from '../read/readObject.ts';
import { readNetwork, type SharedNetworkSettings } from './readNetwork.ts';
import { readSweepTo } from './readSweepTo.ts';
import { readXpub } from './readXpub.ts';

const NETWORK_KEY = /^[A-Z][A-Z0-9_]{0,31}$/;
/** Keys of `networks` that are settings for every network rather than a network. */
const SHARED_KEYS: readonly string[] = ['xpub', 'sweepTo'];

/**
 * Reads the `networks` config section into the networks on offer: the built-in mainnets (and any
 * custom network the operator adds) that have RPC URLs, each with its tokens and their stable
 * ids. Every setting is checked, offered or not; a bad one is a `ConfigError` naming it.
 *
 * @example
 * readNetworks({ xpub: 'xpub6C…', BSC: { rpcUrls: ['https://bsc-rpc.example'] } });
 * // [{ key: 'BSC', chainId: 56, standard: 'BEP20', confirmations: 15, finalityDepth: 64, tokens: [USDT, USDC, BNB], … }]
 */
export function readNetworks(value: unknown): Network[] {
  const section = readObject(value, 'networks');
  const shared: SharedNetworkSettings = {
    ...(section.xpub === undefined ? {} : { xpub: readXpub(section.xpub, 'networks.xpub') }),
    ...(section.sweepTo === undefined ? {} : { sweepTo: readSweepTo(section.sweepTo, 'networks.sweepTo') }),
  };
  const keys = [
    ...Object.keys(BUILT_IN_NETWORKS),
    ...Object.keys(section).filter((key) => !SHARED_KEYS.includes(key) && !Object.hasOwn(BUILT_IN_NETWORKS, key)),
  ];
  const networks: Network[] = [];
  for (const key of keys) {
    if (!NETWORK_KEY.test(key)) {
      throw new ConfigError(`networks.${key}`, 'is not a setting: network keys are upper case (ETH, BSC, DEV, …)');
    }
    const network = readNetwork(key, section[key], shared);
    if (network !== null) networks.push(network);
  }
  const byChainId = new Map<number, string>();
  for (const network of networks) {
    const other = byChainId.get(network.chainId);
    if (other !== undefined) {
      throw new ConfigError(`networks.${network.key}`, `watches chain ${network.chainId}, as networks.${other} does`);
    }
    byChainId.set(network.chainId, network.key);
  }
  return networks;
}
