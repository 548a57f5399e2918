import path from 'node:path';
import { getAddress, isAddress } from 'viem';
import { CONFIG_SETTINGS } from '../../config/configSettings.ts';
import { readNetworks } from '../../config/networks/readNetworks.ts';
import { readObject } from '../../config/read/readObject.ts';
import { readConfigFile } from '../../config/readConfigFile.ts';
import type { SweepPlan } from '../../core/sweep/SweepPlan.ts';
import { UsageError } from '../parseCommandArgs.ts';
import { requireSweepDestination } from './requireSweepDestination.ts';

export type SignerExpectationOptions = {
  readonly config?: string | undefined;
  readonly to?: string | undefined;
  readonly chainId?: string | undefined;
};

/**
 * What the signer insists the plan sends to, from the signer's own copy of the config (only its
 * `networks` section is read: no master key, no database, no environment) or from `--to` and
 * `--chain-id`. Exactly one source: a plan is never signed on its own word.
 */
export function readSignerExpectations(
  plan: SweepPlan,
  options: SignerExpectationOptions,
): { destination: `0x${string}`; chainId: number } {
  const hasFlags = options.to !== undefined || options.chainId !== undefined;
  if (options.config !== undefined && hasFlags) {
    throw new UsageError('sweep sign takes --config FILE or --to ADDR --chain-id N, not both');
  }
  if (options.config !== undefined) return fromConfig(plan, options.config);
  if (options.to === undefined || options.chainId === undefined) {
    throw new UsageError(
      "sweep sign needs what to expect: --config FILE (the network's sweepTo and chain id) or --to ADDR --chain-id N",
    );
  }
  if (!isAddress(options.to, { strict: false })) throw new UsageError(`--to must be a 0x address, got '${options.to}'`);
  if (!/^[1-9]\d{0,15}$/.test(options.chainId)) {
    throw new UsageError(`--chain-id must be a positive whole number, got '${options.chainId}'`);
  }
  return { destination: getAddress(options.to), chainId: Number(options.chainId) };
}

function fromConfig(plan: SweepPlan, file: string): { destination: `0x${string}`; chainId: number } {
  const root = readObject(readConfigFile(path.resolve(file)), '', CONFIG_SETTINGS);
  const networks = readNetworks(root.networks === undefined ? {} : root.networks);
  const network = networks.find((n) => n.key === plan.network.key);
  if (network === undefined) {
    throw new UsageError(
      `the plan is for network ${plan.network.key}, which ${file} does not offer (no rpcUrls): pass --to ADDR --chain-id N instead`,
    );
  }
  return { destination: requireSweepDestination(network), chainId: network.chainId };
}
