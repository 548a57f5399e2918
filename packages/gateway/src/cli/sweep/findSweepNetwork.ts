import type { Network } from '../../core/network.ts';
import { UsageError } from '../parseCommandArgs.ts';

/** The offered network `--network KEY` names; a usage error when it is missing or not offered. */
export function findSweepNetwork(networks: readonly Network[], key: string | undefined): Network {
  const offered = networks.map((n) => n.key).join(', ') || 'none: no network has rpcUrls';
  if (key === undefined) throw new UsageError(`sweep needs --network KEY (offered: ${offered})`);
  const network = networks.find((n) => n.key === key.toUpperCase());
  if (network === undefined) throw new UsageError(`--network ${key} is not an offered network (offered: ${offered})`);
  return network;
}
