import { formatIpv4, parseIp } from './parseIp.ts';
import { IPV4_SPECIAL_RANGES, IPV6_SPECIAL_RANGES, v6 } from './specialAddressRanges.ts';

/** What kind of destination an IP address is. Only `public` may receive webhooks by default. */
export type AddressClass =
  | 'public'
  | 'invalid'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade-nat'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'metadata';

/** How an IPv6 address carries the IPv4 address it was classified by. */
export type Ipv4Embedding = 'ipv4-mapped' | 'ipv4-compatible' | 'nat64' | '6to4';

export type AddressClassification = {
  readonly addressClass: AddressClass;
  /** Set when the class was decided by an IPv4 address embedded in an IPv6 one. */
  readonly embeddedIpv4: string | null;
  readonly embedding: Ipv4Embedding | null;
};

// Typed here, so every class the data table names must be an AddressClass.
type Range = readonly [network: bigint, prefixLength: number, addressClass: AddressClass];
const IPV4_RANGES: readonly Range[] = IPV4_SPECIAL_RANGES;
const IPV6_RANGES: readonly Range[] = IPV6_SPECIAL_RANGES;

const IPV4_MAPPED = v6('::ffff:0:0');
const NAT64 = v6('64:ff9b::');
const SIX_TO_FOUR = v6('2002::');
const GLOBAL_UNICAST = v6('2000::');

/**
 * Classifies an IP address by the IANA special-purpose registries and known cloud metadata
 * hosts. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are classified
 * by that IPv4 address when it is not public, because that is where the packets end up.
 */
export function classifyAddress(ip: string): AddressClassification {
  const parsed = parseIp(ip);
  if (parsed === null) return plain('invalid');
  if (parsed.family === 4) return plain(findClass(IPV4_RANGES, parsed.value, 32) ?? 'public');

  const address = parsed.value;
  // The kernel sends to the embedded IPv4 address itself: it is that address, not a tunnel.
  if (isInRange(address, IPV4_MAPPED, 96, 128)) {
    return embedded(address & 0xffffffffn, 'ipv4-mapped') ?? plain('public');
  }
  if (isInRange(address, NAT64, 96, 128)) {
    return embedded(address & 0xffffffffn, 'nat64') ?? plain('public');
  }
  if (isInRange(address, SIX_TO_FOUR, 16, 128)) {
    return embedded((address >> 80n) & 0xffffffffn, '6to4') ?? plain('public');
  }

  const known = findClass(IPV6_RANGES, address, 128);
  if (known !== null) return plain(known);
  // IPv4-compatible addresses (::a.b.c.d) are named by the IPv4 address when it is not public;
  // otherwise they are reserved all the same: deprecated by RFC 4291, no host uses one.
  if (address >> 32n === 0n) return embedded(address, 'ipv4-compatible') ?? plain('reserved');
  // Outside 2000::/3 IANA has allocated nothing for global unicast.
  if (!isInRange(address, GLOBAL_UNICAST, 3, 128)) return plain('reserved');
  return plain('public');
}

function embedded(ipv4: bigint, embedding: Ipv4Embedding): AddressClassification | null {
  const addressClass = findClass(IPV4_RANGES, ipv4, 32);
  return addressClass === null ? null : { addressClass, embeddedIpv4: formatIpv4(ipv4), embedding };
}

function plain(addressClass: AddressClass): AddressClassification {
  return { addressClass, embeddedIpv4: null, embedding: null };
}

function findClass(ranges: readonly Range[], address: bigint, bits: number): AddressClass | null {
  for (const [network, prefixLength, addressClass] of ranges) {
    if (isInRange(address, network, prefixLength, bits)) return addressClass;
  }
  return null;
}

function isInRange(address: bigint, network: bigint, prefixLength: number, bits: number): boolean {
  const hostBits = BigInt(bits - prefixLength);
  return address >> hostBits === network >> hostBits;
}
