import { parseIp } from './parseIp.ts';

/** An address block: its network, its prefix length, and the class of the addresses in it. */
export type SpecialRange = readonly [network: bigint, prefixLength: number, addressClass: string];

// Checked in order, so exact metadata hosts come before the larger ranges that contain them.
// Sources: IANA IPv4/IPv6 Special-Purpose Address Registries and the clouds' metadata docs.
export const IPV4_SPECIAL_RANGES = [
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
] as const satisfies readonly SpecialRange[];

export const IPV6_SPECIAL_RANGES = [
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
] as const satisfies readonly SpecialRange[];

function v4(a: number, b: number, c: number, d: number): bigint {
  return (BigInt(a) << 24n) | (BigInt(b) << 16n) | (BigInt(c) << 8n) | BigInt(d);
}

/** An IPv6 constant as a number. */
export function v6(text: string): bigint {
  const parsed = parseIp(text);
  if (parsed === null || parsed.family !== 6) throw new Error(`bad IPv6 constant ${text}`);
  return parsed.value;
}
