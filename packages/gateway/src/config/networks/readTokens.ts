import type { TokenDefinition } from '../../adapters/chains/builtInNetworks.ts';
import type { NetworkKind } from '../../core/network.ts';
import { ConfigError } from '../ConfigError.ts';
import { CONFIG_SETTINGS } from '../configSettings.ts';
import { isTokenSymbol } from '../read/isTokenSymbol.ts';
import { readBoolean } from '../read/readBoolean.ts';
import { readInteger } from '../read/readInteger.ts';
import { readList } from '../read/readList.ts';
import { readObject } from '../read/readObject.ts';
import { readString } from '../read/readString.ts';

const MAX_TOKEN_DECIMALS = 36;

/**
 * Reads a network's `tokens`: a non-empty list, one coin per symbol and per contract, contracts
 * written in the network kind's address form.
 */
export function readTokens(value: unknown, setting: string, kind: NetworkKind): TokenDefinition[] {
  const tokens = readList(value, setting, 'tokens', (v, s) => readToken(v, s, kind), { nonEmpty: true });
  const seen = new Set<string>();
  tokens.forEach((token, i) => {
    // One coin per symbol and per contract: the symbol is the wire `crypto` and the rate key.
    for (const identity of [
      `symbol ${token.symbol.toUpperCase()}`,
      `contract ${token.contract?.toLowerCase() ?? 'native'}`,
    ]) {
      if (seen.has(identity)) throw new ConfigError(`${setting}[${i}]`, `repeats the ${identity}`);
      seen.add(identity);
    }
  });
  return tokens;
}

function readToken(value: unknown, setting: string, kind: NetworkKind): TokenDefinition {
  const t = readObject(value, setting, CONFIG_SETTINGS.networks['<KEY>'].tokens['[]']);
  const symbol = t.symbol;
  if (typeof symbol !== 'string' || !isTokenSymbol(symbol)) {
    throw new ConfigError(`${setting}.symbol`, 'must be 1–16 letters, digits, dots, dashes or underscores');
  }
  const name = t.name === undefined ? symbol : readString(t.name, `${setting}.name`, 64);
  const isNative = t.native !== undefined && readBoolean(t.native, `${setting}.native`);
  if (isNative && t.contract !== undefined) {
    throw new ConfigError(`${setting}.contract`, 'must be left out for the native coin (native: true)');
  }
  if (!isNative && t.contract === undefined) {
    throw new ConfigError(`${setting}.contract`, 'is required (or native: true for the network’s own coin)');
  }
  const contract = isNative ? null : readContract(t.contract, `${setting}.contract`, kind);
  if (!isNative && t.decimals === undefined)
    throw new ConfigError(`${setting}.decimals`, 'is required for a custom network');
  const decimals = readInteger(t.decimals ?? 18, `${setting}.decimals`, 0, MAX_TOKEN_DECIMALS);
  const isStable = t.stable !== undefined && readBoolean(t.stable, `${setting}.stable`);
  return { symbol, name, contract, decimals, isStable };
}

function readContract(value: unknown, setting: string, kind: NetworkKind) {
  const parsed = kind.parseAddress(typeof value === 'string' ? value : '');
  if (!parsed.ok) throw new ConfigError(setting, parsed.message);
  return parsed.value;
}
