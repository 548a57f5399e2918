import type { Network } from '../../core/network.ts';
import { UsageError } from '../parseCommandArgs.ts';

/**
 * The offered network `--network KEY` names; a usage error when it is missing, not offered, or of a
 * kind `kassa sweep` cannot collect from yet (TRON: `kassa funds` still shows what awaits there).
 */
export function findSweepNetwork(networks: readonly Network[], key: string | undefined): Network {
  const offered = networks.map((n) => n.key).join(', ') || 'none: no network has rpcUrls';
  if (key === undefined) throw new UsageError(`sweep needs --network KEY (offered: ${offered})`);
  const network = networks.find((n) => n.key === key.toUpperCase());
  if (network === undefined) throw new UsageError(`--network ${key} is not an offered network (offered: ${offered})`);
  if (network.kind.name !== 'evm') {
    throw new UsageError(
      `--network ${network.key}: sweeping ${network.kind.name} networks is not supported yet (EVM only)`,
    );
  }
  return network;
}
