// Risk: a payment treated as final while its block can still be reorganised away.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NETWORKS } from '../../adapters/chains/builtInNetworks.ts';
import { readChainSettings } from './readChainSettings.ts';

const depths = (key: string, settings: Record<string, unknown>) => {
  const chain = readChainSettings(settings, `networks.${key}`, BUILT_IN_NETWORKS[key]);
  return [chain.confirmations, chain.finalityDepth];
};
const CUSTOM = { chainId: 31337, confirmations: 1, blockTimeSeconds: 1 };

describe('readChainSettings', () => {
  it('takes a finality depth; without one it is the default, and never below the confirmations', () => {
    expect(depths('ETH', { finalityDepth: 300 })).toEqual([12, 300]);
    expect(depths('ETH', { confirmations: 150 })).toEqual([150, 150]);
    expect(depths('POLYGON', {})).toEqual([64, 512]);
    expect(depths('DEV', CUSTOM)).toEqual([1, 256]);
    expect(depths('DEV', { ...CUSTOM, finalityDepth: 5 })).toEqual([1, 5]);
  });

  it('fills a built-in network from its defaults and a custom one from its settings', () => {
    expect(readChainSettings({}, 'networks.BSC', BUILT_IN_NETWORKS.BSC)).toEqual({
      chainId: 56,
      confirmations: 15,
      finalityDepth: 64,
      blockTimeSeconds: 0.75,
    });
    expect(readChainSettings(CUSTOM, 'networks.DEV', undefined)).toEqual({ ...CUSTOM, finalityDepth: 256 });
  });
});
