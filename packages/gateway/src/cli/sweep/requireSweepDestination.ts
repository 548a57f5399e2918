import type { Network } from '../../core/network.ts';
import { UsageError } from '../parseCommandArgs.ts';

/** The network's configured `sweepTo`; a usage error naming the setting when there is none. */
export function requireSweepDestination(network: Network): `0x${string}` {
  const to = network.sweep?.to ?? null;
  if (to === null) {
    throw new UsageError(
      `network ${network.key} has no sweep destination: set networks.${network.key}.sweepTo (or networks.sweepTo) in the config file`,
    );
  }
  return to;
}
