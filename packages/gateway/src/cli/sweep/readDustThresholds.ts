import { parseAmount } from '../../core/money/parseAmount.ts';
import type { Network } from '../../core/network.ts';
import { UsageError } from '../parseCommandArgs.ts';

/**
 * The network's `sweepDust` in base units, keyed as `buildSweepPlan` reads it: the lower-case
 * token contract, or `native`. The config reader already checked every amount.
 */
export function readDustThresholds(network: Network): Map<string, bigint> {
  const thresholds = new Map<string, bigint>();
  for (const [symbol, amount] of Object.entries(network.sweep?.dust ?? {})) {
    const token = network.tokens.find((t) => t.symbol === symbol);
    const parsed = token === undefined ? null : parseAmount(amount, token.decimals);
    if (token === undefined || parsed === null || !parsed.ok) {
      throw new UsageError(`networks.${network.key}.sweepDust.${symbol} does not fit the network's tokens`);
    }
    thresholds.set(token.contract?.toLowerCase() ?? 'native', parsed.value);
  }
  return thresholds;
}
