import { BUILT_IN_NETWORKS, type TokenDefinition } from '../../adapters/chains/builtInNetworks.ts';
import { deriveTokenId } from '../../adapters/chains/evm/deriveTokenId.ts';
import type { Network } from '../../core/network.ts';
import { ConfigError } from '../ConfigError.ts';
import { CONFIG_SETTINGS } from '../configSettings.ts';
import { readList } from '../read/readList.ts';
import { readObject } from '../read/readObject.ts';
import { readString } from '../read/readString.ts';
import { readChainSettings } from './readChainSettings.ts';
import { readNetworkKind } from './readNetworkKind.ts';
import { readRpcUrl } from './readRpcUrl.ts';
import { readSweepSettings } from './readSweepSettings.ts';
import { readTokens } from './readTokens.ts';
import { readXpub } from './readXpub.ts';

/** What `networks` sets for every network, unless the network sets its own. */
export type SharedNetworkSettings = { readonly xpub?: string; readonly sweepTo?: `0x${string}` };

/**
 * Reads `networks.<key>` over the built-in defaults of `key`, if any. Every setting is checked;
 * a network without RPC URLs is not offered (null).
 */
export function readNetwork(key: string, value: unknown, shared: SharedNetworkSettings): Network | null {
  const setting = `networks.${key}`;
  const settings = value === undefined ? {} : readObject(value, setting, CONFIG_SETTINGS.networks['<KEY>']);
  const defaults = BUILT_IN_NETWORKS[key];
  const chain = readChainSettings(settings, setting, defaults);
  const standard =
    settings.standard === undefined
      ? (defaults?.standard ?? 'ERC20')
      : readString(settings.standard, `${setting}.standard`, 64);
  const rpcUrls =
    settings.rpcUrls === undefined
      ? []
      : readList(settings.rpcUrls, `${setting}.rpcUrls`, 'http(s):// or ws(s):// URLs', readRpcUrl);
  const kindSettings = readNetworkKind(settings, setting, defaults, rpcUrls);
  const tokens: readonly TokenDefinition[] | undefined =
    settings.tokens === undefined
      ? defaults?.tokens
      : readTokens(settings.tokens, `${setting}.tokens`, kindSettings.kind);
  if (tokens === undefined) throw new ConfigError(`${setting}.tokens`, 'is required for a custom network');
  const ownXpub = settings.xpub === undefined ? undefined : readXpub(settings.xpub, `${setting}.xpub`);
  const sweep = readNetworkSweep(settings, setting, shared.sweepTo, tokens, kindSettings.kind);
  if (rpcUrls.length === 0) return null;
  // A TRON wallet keeps its accounts at m/44'/195'/…, so the EVM accounts' shared xpub is not its.
  if (kindSettings.kind.name === 'tron' && ownXpub === undefined) {
    throw new ConfigError(
      `${setting}.xpub`,
      "is required for a TRON network: the account xpub at m/44'/195'/0', which 'kassa xpub --kind tron' prints (networks.xpub is for EVM networks)",
    );
  }
  const xpub = ownXpub ?? shared.xpub;
  if (xpub === undefined) {
    throw new ConfigError(`${setting}.xpub`, 'is required for a network with RPC URLs (or set networks.xpub for all)');
  }
  return {
    key,
    ...kindSettings,
    ...chain,
    standard,
    rpcUrls,
    xpub,
    tokens: tokens.map((token) => ({
      tokenId: deriveTokenId(key, token.contract),
      networkKey: key,
      symbol: token.symbol,
      name: token.name,
      contract: token.contract,
      decimals: token.decimals,
      isStable: token.isStable,
    })),
    ...(sweep === undefined ? {} : { sweep }),
  };
}

/** `kassa sweep` collects from EVM networks only: sweep settings on another kind are refused, not ignored. */
function readNetworkSweep(
  settings: Readonly<Record<string, unknown>>,
  setting: string,
  sharedSweepTo: `0x${string}` | undefined,
  tokens: readonly TokenDefinition[],
  kind: Network['kind'],
) {
  if (kind.name !== 'evm') {
    for (const name of ['sweepTo', 'sweepStrategy', 'sweepDust'])
      if (settings[name] !== undefined)
        throw new ConfigError(`${setting}.${name}`, `sweeping ${kind.name} networks is not supported yet`);
    return undefined;
  }
  return readSweepSettings(settings, setting, sharedSweepTo, tokens);
}
