// Guards against a webhook reaching an internal address through any IPv4 or IPv6 spelling of it.
import { describe, expect, it } from 'vitest';
import type { AddressClass } from './classifyAddress.ts';
import { classifyAddress } from './classifyAddress.ts';
import { isForbiddenAddress } from './isForbiddenAddress.ts';
import { parseCidrList } from './parseCidrList.ts';

const NOTHING_ALLOWED = parseCidrList([]);

const CLASSES: ReadonlyArray<readonly [ip: string, addressClass: AddressClass]> = [
  // IPv4
  ['0.0.0.0', 'unspecified'],
  ['0.255.255.255', 'unspecified'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.5', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'carrier-grade-nat'],
  ['100.127.255.255', 'carrier-grade-nat'],
  ['169.254.0.1', 'link-local'],
  ['169.254.169.254', 'metadata'],
  ['100.100.100.200', 'metadata'],
  ['168.63.129.16', 'metadata'],
  ['192.0.0.192', 'metadata'],
  ['192.0.0.8', 'reserved'],
  ['192.88.99.1', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['198.51.100.10', 'documentation'],
  ['203.0.113.10', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // IPv4 neighbours of the ranges above stay public
  ['1.1.1.1', 'public'],
  ['8.8.8.8', 'public'],
  ['9.255.255.255', 'public'],
  ['11.0.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['126.255.255.255', 'public'],
  ['128.0.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['192.167.255.255', 'public'],
  ['192.169.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.20.0.0', 'public'],
  ['223.255.255.255', 'public'],
  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fc00::1', 'private'],
  ['fd12:3456::1', 'private'],
  ['fec0::1', 'private'],
  ['64:ff9b:1::a00:5', 'private'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['ff02::1', 'multicast'],
  ['FF05::1:3', 'multicast'],
  ['fd00:ec2::254', 'metadata'],
  ['fd20:ce::254', 'metadata'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['2001:2::1', 'benchmarking'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
  ['100::1', 'reserved'], // discard-only
  ['::1:0:0:0', 'reserved'],
  ['5f00::1', 'reserved'], // SRv6 SIDs
  ['4000::1', 'reserved'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:80e::200e', 'public'],
  ['2001:200::1', 'public'],
  ['3ffe:ffff::1', 'public'],
  // IPv6 carrying a forbidden IPv4
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'metadata'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::127.0.0.1', 'loopback'], // IPv4-compatible
  ['::10.0.0.1', 'private'],
  ['::8.8.8.8', 'reserved'], // IPv4-compatible addresses are deprecated whatever they carry
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'metadata'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:a00:5::', 'private'],
  ['2002:a9fe:a9fe:1:2:3:4:5', 'metadata'],
  // ... or a public one
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['2002:808:808::1', 'public'],
  // not an address
  ['', 'invalid'],
  ['localhost', 'invalid'],
  ['[::1]', 'invalid'],
  ['127.1', 'invalid'],
  ['0177.0.0.1', 'invalid'],
  ['10.0.0.0/8', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(CLASSES)('classifies %s as %s', (ip, addressClass) => {
    expect(classifyAddress(ip).addressClass).toBe(addressClass);
  });

  it('names the IPv4 address an IPv6 form carries, and how', () => {
    expect(classifyAddress('::ffff:7f00:1')).toEqual({
      addressClass: 'loopback',
      embeddedIpv4: '127.0.0.1',
      embedding: 'ipv4-mapped',
    });
    expect(classifyAddress('64:ff9b::a00:1')).toMatchObject({ embeddedIpv4: '10.0.0.1', embedding: 'nat64' });
    expect(classifyAddress('2002:c0a8:101::')).toMatchObject({ embeddedIpv4: '192.168.1.1', embedding: '6to4' });
    expect(classifyAddress('::a00:1')).toMatchObject({ embeddedIpv4: '10.0.0.1', embedding: 'ipv4-compatible' });
    expect(classifyAddress('10.0.0.1')).toMatchObject({ embeddedIpv4: null, embedding: null });
  });
});

describe('isForbiddenAddress', () => {
  it.each(CLASSES)('with an empty allow-list, %s (%s) is forbidden unless public', (ip, addressClass) => {
    expect(isForbiddenAddress(ip, NOTHING_ALLOWED)).toBe(addressClass !== 'public');
  });

  it('lets the allow-list open loopback, in every spelling that reaches it', () => {
    const allowList = parseCidrList(['127.0.0.0/8', '::1/128']);
    for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::']) {
      expect(isForbiddenAddress(ip, allowList), ip).toBe(false);
    }
    for (const ip of ['10.0.0.1', '169.254.169.254', '::ffff:10.0.0.1', 'fe80::1', '0.0.0.0']) {
      expect(isForbiddenAddress(ip, allowList), ip).toBe(true);
    }
  });

  it('opens exactly the allowed network and no more', () => {
    const allowList = parseCidrList(['10.1.0.0/16', 'fd00:1::/32']);
    expect(isForbiddenAddress('10.1.255.255', allowList)).toBe(false);
    expect(isForbiddenAddress('10.2.0.0', allowList)).toBe(true);
    expect(isForbiddenAddress('10.0.255.255', allowList)).toBe(true);
    expect(isForbiddenAddress('fd00:1:ffff::1', allowList)).toBe(false);
    expect(isForbiddenAddress('fd00:2::1', allowList)).toBe(true);
  });

  it('does not let an IPv4 network open an IPv6 network that happens to share its bits', () => {
    const allowList = parseCidrList(['0.0.0.0/0']);
    expect(isForbiddenAddress('::1', allowList)).toBe(true);
    expect(isForbiddenAddress('127.0.0.1', allowList)).toBe(false);
  });
});
