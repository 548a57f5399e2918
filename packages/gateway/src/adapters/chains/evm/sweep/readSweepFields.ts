import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepHex } from '../../../../core/sweep/SweepPlan.ts';
import { toChecksumAddress } from '../toChecksumAddress.ts';

/**
 * Field readers for the sweep files (`parseSweepPlan`, `parseSignedSweep`). Each takes an untrusted
 * value and the JSON path it was found at, returns it typed or throws a SweepError naming the path.
 * No message ever repeats the value: an operator who passes the seed file where a plan is expected
 * must not see the seed echoed into a terminal log.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

const MAX_UINT256 = 2n ** 256n - 1n;
// Short texts only: a symbol, a network key, an id. Bounds what a hostile file can make us print.
const MAX_TEXT_LENGTH = 200;

/** Parses the text of a sweep file, without echoing it on failure (Node's own message quotes it). */
export function readSweepJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // No `cause`: a SyntaxError from JSON.parse carries a snippet of the text, which may be a secret.
    if (error instanceof SyntaxError) throw new SweepError(`${what} is not valid JSON`);
    throw error;
  }
}

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as JsonObject;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

export function readText(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_LENGTH) {
    fail(path, `must be a non-empty string of at most ${MAX_TEXT_LENGTH} characters`);
  }
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

export function readLiteral<T extends string | number>(value: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(value as T)) fail(path, `must be ${options.map((o) => JSON.stringify(o)).join(' or ')}`);
  return value as T;
}

/** A non-negative safe integer at most `max` (nonces, indexes, chain ids, decimals). */
export function readInteger(value: unknown, path: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    fail(path, `must be an integer from 0 to ${max}`);
  }
  return value;
}

/** A decimal string of base units that fits a uint256: digits only, no sign, no leading zero. */
export function readAmount(value: unknown, path: string): string {
  // 78 digits bound the BigInt conversion; uint256 max has 78.
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,77})$/.test(value) || BigInt(value) > MAX_UINT256) {
    fail(path, 'must be a decimal string of base units (digits only, e.g. "1500000")');
  }
  return value;
}

/**
 * An address, returned in its EIP-55 spelling. All-lower or all-upper hex carries no checksum and is
 * accepted; mixed case must be the right checksum (a hand-edited digit shows up as a wrong case).
 */
export function readAddress(value: unknown, path: string): SweepHex {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value))
    fail(path, 'must be an address (0x and 40 hex digits)');
  const body = value.slice(2);
  const checksummed = toChecksumAddress(body.toLowerCase());
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && checksummed !== value) fail(path, 'has a wrong EIP-55 checksum (a digit or letter was changed)');
  if (/^0x0{40}$/.test(checksummed)) fail(path, 'must not be the zero address');
  return checksummed;
}

export function readNullableAddress(value: unknown, path: string): SweepHex | null {
  return value === null ? null : readAddress(value, path);
}

/** 0x-prefixed hex; `bytes` fixes the length (hashes, signature parts), else any even length up to a bound. */
export function readHex(value: unknown, path: string, bytes?: number): SweepHex {
  const digits = bytes === undefined ? '{2,262144}' : `{${bytes * 2}}`;
  if (typeof value !== 'string' || !new RegExp(`^0x[0-9a-fA-F]${digits}$`).test(value) || value.length % 2 !== 0) {
    fail(path, bytes === undefined ? 'must be 0x-prefixed hex' : `must be 0x and ${bytes * 2} hex digits`);
  }
  return value.toLowerCase() as SweepHex;
}

/** Reads each element of an array with `read`, giving it the path `path[i]`. */
export function readEach<T>(value: unknown, path: string, read: (item: unknown, itemPath: string) => T): T[] {
  return readArray(value, path).map((item, i) => read(item, `${path}[${i}]`));
}

function fail(path: string, problem: string): never {
  throw new SweepError(`${path} ${problem}`);
}
