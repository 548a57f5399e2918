import { formatIpv4, parseIp } from './parseIp.ts';

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

type Range = readonly [network: bigint, prefixLength: number, addressClass: AddressClass];

// Checked in order, so exact metadata hosts come before the larger ranges that contain them.
// Sources: IANA IPv4/IPv6 Special-Purpose Address Registries and the clouds' metadata docs.
const IPV4_RANGES: readonly Range[] = [
  [v4(169, 254, 169, 254), 32, 'metadata'], // AWS, GCP, Azure, OCI, DigitalOcean, ...
  [v4(100, 100, 100, 200), 32, 'metadata'], // Alibaba Cloud
  [v4(168, 63, 129, 16), 32, 'metadata'], // Azure WireServer: public space, platform-internal
  [v4(192, 0, 0, 192), 32, 'metadata'], // Oracle Cloud (classic)
  [v4(0, 0, 0, 0), 8, 'unspecified'], // Linux connects 0.0.0.0 to the local host
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(100, 64, 0, 0), 10, 'carrier-grade-nat'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(192, 0, 0, 0), 24, 'reserved'], // IETF protocol assignments
  [v4(192, 88, 99, 0), 24, 'reserved'], // deprecated 6to4 relay anycast
  [v4(192, 0, 2, 0), 24, 'documentation'],
  [v4(198, 51, 100, 0), 24, 'documentation'],
  [v4(203, 0, 113, 0), 24, 'documentation'],
  // Never routed publicly, and used by VPN and proxy tools as fake-IP pools for local services.
  [v4(198, 18, 0, 0), 15, 'benchmarking'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(255, 255, 255, 255), 32, 'broadcast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
];

const IPV6_RANGES: readonly Range[] = [
  [v6('fd00:ec2::254'), 128, 'metadata'], // AWS
  [v6('fd20:ce::254'), 128, 'metadata'], // GCP
  [v6('::'), 128, 'unspecified'],
  [v6('::1'), 128, 'loopback'],
  [v6('64:ff9b:1::'), 48, 'private'], // local-use NAT64 (RFC 8215): translates inside one network
  [v6('fc00::'), 7, 'private'], // unique local
  [v6('fec0::'), 10, 'private'], // deprecated site-local
  [v6('fe80::'), 10, 'link-local'],
  [v6('ff00::'), 8, 'multicast'],
  [v6('2001:db8::'), 32, 'documentation'],
  [v6('3fff::'), 20, 'documentation'],
  [v6('2001:2::'), 48, 'benchmarking'],
  // IETF protocol assignments, including Teredo (2001::/32), whose tunnels reach hosts behind NATs.
  [v6('2001::'), 23, 'reserved'],
];

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

function v4(a: number, b: number, c: number, d: number): bigint {
  return (BigInt(a) << 24n) | (BigInt(b) << 16n) | (BigInt(c) << 8n) | BigInt(d);
}

function v6(text: string): bigint {
  const parsed = parseIp(text);
  if (parsed === null || parsed.family !== 6) throw new Error(`bad IPv6 constant ${text}`);
  return parsed.value;
}
