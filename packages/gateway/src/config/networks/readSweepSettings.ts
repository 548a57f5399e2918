import type { TokenDefinition } from '../../adapters/chains/builtInNetworks.ts';
import { parseAmount } from '../../core/money/parseAmount.ts';
import type { NetworkSweepSettings } from '../../core/network.ts';
import { ConfigError } from '../ConfigError.ts';
import { readObject } from '../read/readObject.ts';
import { readSweepTo } from './readSweepTo.ts';

const STRATEGIES = ['auto', 'eip7702', 'topup'] as const;

/**
 * Reads a network's `sweepTo`, `sweepStrategy` and `sweepDust` (`settings` is `networks.<KEY>`,
 * already checked for unknown keys). `sharedSweepTo` is `networks.sweepTo`, which the network's
 * own `sweepTo` overrides. Dust amounts are checked against the network's tokens and decimals.
 * Undefined when none of them is set: the network then carries no sweep settings at all.
 */
export function readSweepSettings(
  settings: Readonly<Record<string, unknown>>,
  setting: string,
  sharedSweepTo: `0x${string}` | undefined,
  tokens: readonly TokenDefinition[],
): NetworkSweepSettings | undefined {
  const isUnset = [settings.sweepTo, settings.sweepStrategy, settings.sweepDust, sharedSweepTo].every(
    (v) => v === undefined,
  );
  if (isUnset) return undefined;
  const to = settings.sweepTo === undefined ? sharedSweepTo : readSweepTo(settings.sweepTo, `${setting}.sweepTo`);
  const strategy = settings.sweepStrategy ?? 'auto';
  if (typeof strategy !== 'string' || !(STRATEGIES as readonly string[]).includes(strategy)) {
    throw new ConfigError(`${setting}.sweepStrategy`, `must be one of ${STRATEGIES.join(', ')}`);
  }
  return {
    to: to ?? null,
    strategy: strategy as NetworkSweepSettings['strategy'],
    dust: settings.sweepDust === undefined ? {} : readDust(settings.sweepDust, `${setting}.sweepDust`, tokens),
  };
}

function readDust(value: unknown, setting: string, tokens: readonly TokenDefinition[]): Record<string, string> {
  const entries = readObject(value, setting);
  const dust: Record<string, string> = {};
  for (const [symbol, amount] of Object.entries(entries)) {
    const token = tokens.find((t) => t.symbol === symbol);
    if (token === undefined) {
      const known = tokens.map((t) => t.symbol).join(', ');
      throw new ConfigError(`${setting}.${symbol}`, `is not a token of this network (its tokens: ${known})`);
    }
    if (typeof amount !== 'string') {
      throw new ConfigError(`${setting}.${symbol}`, 'must be a decimal string (e.g. "0.5"), not a number');
    }
    const parsed = parseAmount(amount, token.decimals);
    if (!parsed.ok) throw new ConfigError(`${setting}.${symbol}`, `${parsed.reason} (${token.decimals} decimals)`);
    dust[symbol] = amount;
  }
  return dust;
}
