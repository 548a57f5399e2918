import type { NetworkSweepSettings } from '../../core/network.ts';
import { UsageError } from '../parseCommandArgs.ts';

const STRATEGIES: readonly string[] = ['auto', 'eip7702', 'topup'];

/** `--strategy`, else the network's configured `sweepStrategy`, else `auto`. */
export function readStrategyOption(
  text: string | undefined,
  configured: NetworkSweepSettings | undefined,
): NetworkSweepSettings['strategy'] {
  if (text === undefined) return configured?.strategy ?? 'auto';
  if (!STRATEGIES.includes(text)) throw new UsageError(`--strategy must be auto, eip7702 or topup, got '${text}'`);
  return text as NetworkSweepSettings['strategy'];
}
