import { BaseError } from '../../core/BaseError.ts';
import { formatIpv4, parseIp } from './parseIp.ts';

/** One parsed network: the address with host bits cleared and the prefix length. */
export type Cidr = {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefixLength: number;
  /** The entry as the operator wrote it. */
  readonly text: string;
};

/** A validated, frozen set of networks. `has` matches within one family only. */
export type CidrList = {
  readonly entries: readonly Cidr[];
  /** True when `ip` (IPv4 or IPv6 text) lies in one of the networks; false for non-IP text. */
  has(ip: string): boolean;
};

/** Thrown by `parseCidrList` for an entry that is not a valid CIDR; the message says which and why. */
export class InvalidCidrError extends BaseError {
  override readonly name = 'InvalidCidrError';
  readonly entry: string;
  readonly index: number;

  constructor({ entry, index, reason }: { entry: string; index: number; reason: string }) {
    super(`invalid CIDR ${JSON.stringify(entry)} (entry ${index + 1}): ${reason}`);
    this.entry = entry;
    this.index = index;
  }
}

const BITS = { 4: 32, 6: 128 } as const;

/**
 * Parses operator-configured networks such as `127.0.0.0/8` or `::1/128`; a bare address means a
 * single host. Throws `InvalidCidrError` on the first bad entry.
 */
export function parseCidrList(texts: readonly string[]): CidrList {
  const entries = Object.freeze(texts.map((text, index) => parseCidr(text, index)));
  return Object.freeze({
    entries,
    has(ip: string): boolean {
      const parsed = parseIp(ip);
      if (parsed === null) return false;
      return entries.some(
        (cidr) =>
          cidr.family === parsed.family &&
          parsed.value >> BigInt(BITS[cidr.family] - cidr.prefixLength) ===
            cidr.network >> BigInt(BITS[cidr.family] - cidr.prefixLength),
      );
    },
  });
}

function parseCidr(text: string, index: number): Cidr {
  const fail = (reason: string): never => {
    throw new InvalidCidrError({ entry: text, index, reason });
  };
  if (typeof text !== 'string') return fail('must be a string');
  if (text.trim() === '') return fail('is empty');
  if (text.trim() !== text) return fail('has leading or trailing whitespace');
  const slashAt = text.indexOf('/');
  const addressText = slashAt === -1 ? text : text.slice(0, slashAt);
  if (addressText.includes('%')) return fail('an IPv6 zone (%...) is not allowed');
  const address = parseIp(addressText);
  if (address === null) return fail(`${JSON.stringify(addressText)} is not an IPv4 or IPv6 address`);
  const bits = BITS[address.family];
  if (slashAt === -1)
    return Object.freeze({ family: address.family, network: address.value, prefixLength: bits, text });

  const prefixText = text.slice(slashAt + 1);
  // Digits only: `Number()` would accept ` 8`, `0x8` and `8e0`.
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
    return fail(`prefix length must be a whole number from 0 to ${bits} for IPv${address.family}`);
  }
  const prefixLength = Number(prefixText);
  const hostBits = BigInt(bits - prefixLength);
  const network = (address.value >> hostBits) << hostBits;
  if (network !== address.value) {
    // Refused rather than masked: `10.0.0.1/8` may be a typo for `10.0.0.1/32`.
    const suggestion = address.family === 4 ? formatIpv4(network) : formatIpv6(network);
    return fail(`has host bits set; did you mean ${suggestion}/${prefixLength}?`);
  }
  return Object.freeze({ family: address.family, network, prefixLength, text });
}

function formatIpv6(value: bigint): string {
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
  // Compresses the longest run of zero groups, as RFC 5952 asks, so the suggestion reads naturally.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === '0') length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  if (bestStart === -1) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}
