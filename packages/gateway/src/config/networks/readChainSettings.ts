import type { NetworkDefaults } from '../../adapters/chains/builtInNetworks.ts';
import { ConfigError } from '../ConfigError.ts';
import { readInteger } from '../read/readInteger.ts';
import { readNumber } from '../read/readNumber.ts';

export type ChainSettings = {
  readonly chainId: number;
  readonly confirmations: number;
  readonly finalityDepth: number;
  readonly blockTimeSeconds: number;
};

// A custom network's finality is unknown: as deep as the watcher's minimum of kept block hashes.
const CUSTOM_FINALITY_DEPTH = 256;
// The watcher keeps one block hash row per block of the depth.
const MAX_FINALITY_DEPTH = 100_000;

/**
 * Reads what a network's chain is like: its id (fixed on a built-in network), confirmations,
 * finality depth and block time, each over the built-in default where there is one.
 */
export function readChainSettings(
  settings: Readonly<Record<string, unknown>>,
  setting: string,
  defaults: NetworkDefaults | undefined,
): ChainSettings {
  if (defaults !== undefined && settings.chainId !== undefined) {
    throw new ConfigError(
      `${setting}.chainId`,
      'cannot be changed on a built-in network: give another chain its own key (e.g. SEPOLIA)',
    );
  }
  const chainId =
    defaults?.chainId ??
    readInteger(required(settings.chainId, `${setting}.chainId`), `${setting}.chainId`, 1, 2 ** 53 - 1);
  const confirmations = readInteger(
    settings.confirmations ?? required(defaults?.confirmations, `${setting}.confirmations`),
    `${setting}.confirmations`,
    1,
    10_000,
  );
  const finalityDepth =
    settings.finalityDepth === undefined
      ? // A payment is confirmed before it is final, never after.
        Math.max(defaults?.finalityDepth ?? CUSTOM_FINALITY_DEPTH, confirmations)
      : readInteger(settings.finalityDepth, `${setting}.finalityDepth`, 1, MAX_FINALITY_DEPTH);
  if (finalityDepth < confirmations) {
    throw new ConfigError(
      `${setting}.finalityDepth`,
      `must be at least confirmations (${confirmations}): a payment is confirmed before it is final`,
    );
  }
  const blockTimeSeconds = readNumber(
    settings.blockTimeSeconds ?? required(defaults?.blockTimeSeconds, `${setting}.blockTimeSeconds`),
    `${setting}.blockTimeSeconds`,
    { min: 0.01, max: 600 },
  );
  return { chainId, confirmations, finalityDepth, blockTimeSeconds };
}

function required<T>(value: T | undefined, setting: string): T {
  if (value === undefined) throw new ConfigError(setting, 'is required for a custom network');
  return value;
}
