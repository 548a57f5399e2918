// Guards against an operator's allow-list silently meaning something else than what they wrote.
import { describe, expect, it } from 'vitest';
import { InvalidCidrError, parseCidrList } from './parseCidrList.ts';

describe('parseCidrList', () => {
  it('parses IPv4 and IPv6 networks, and bare addresses as single hosts', () => {
    const list = parseCidrList(['127.0.0.0/8', '::1/128', '192.168.7.9', 'fd00::/8', '0.0.0.0/0']);
    expect(list.entries.map(({ family, prefixLength }) => [family, prefixLength])).toEqual([
      [4, 8],
      [6, 128],
      [4, 32],
      [6, 8],
      [4, 0],
    ]);
    expect(Object.isFrozen(list)).toBe(true);
    expect(Object.isFrozen(list.entries)).toBe(true);
  });

  it('matches addresses inside the networks only', () => {
    const list = parseCidrList(['172.16.0.0/12', '192.168.7.9', 'fd00::/8']);
    expect(list.has('172.16.0.0')).toBe(true);
    expect(list.has('172.31.255.255')).toBe(true);
    expect(list.has('172.32.0.0')).toBe(false);
    expect(list.has('172.15.255.255')).toBe(false);
    expect(list.has('192.168.7.9')).toBe(true);
    expect(list.has('192.168.7.8')).toBe(false);
    expect(list.has('fdff:ffff::1')).toBe(true);
    expect(list.has('fe00::1')).toBe(false);
    expect(list.has('not an ip')).toBe(false);
  });

  it('matches within one family: ::/0 does not contain IPv4 addresses', () => {
    const list = parseCidrList(['::/0']);
    expect(list.has('2606:4700::1')).toBe(true);
    expect(list.has('10.0.0.1')).toBe(false);
  });

  it('accepts an IPv6 network written with an IPv4 tail', () => {
    expect(parseCidrList(['::ffff:10.0.0.0/104']).has('::ffff:10.9.8.7')).toBe(true);
  });

  it.each([
    ['', 'is empty'],
    [' 10.0.0.0/8', 'leading or trailing whitespace'],
    ['10.0.0.0/8 ', 'leading or trailing whitespace'],
    ['localhost', '"localhost" is not an IPv4 or IPv6 address'],
    ['10.0.0/8', '"10.0.0" is not an IPv4 or IPv6 address'],
    ['[::1]/128', 'is not an IPv4 or IPv6 address'],
    ['10.0.0.0/33', 'prefix length must be a whole number from 0 to 32 for IPv4'],
    ['::/129', 'prefix length must be a whole number from 0 to 128 for IPv6'],
    ['10.0.0.0/', 'prefix length must be'],
    ['10.0.0.0/08', 'prefix length must be'],
    ['10.0.0.0/0x8', 'prefix length must be'],
    ['10.0.0.0/8/8', 'prefix length must be'],
    ['10.0.0.0/-1', 'prefix length must be'],
    ['10.0.0.1/8', 'has host bits set; did you mean 10.0.0.0/8?'],
    ['fd00::1/8', 'has host bits set; did you mean fd00::/8?'],
    ['2001:db8:1:2:3:4:5:6/64', 'did you mean 2001:db8:1:2::/64?'],
    ['fe80::1%eth0/64', 'an IPv6 zone (%...) is not allowed'],
  ])('refuses %j: %s', (text, reason) => {
    const error = getThrown(() => parseCidrList(['127.0.0.0/8', text]));
    expect(error).toBeInstanceOf(InvalidCidrError);
    expect(error.message.startsWith(`invalid CIDR ${JSON.stringify(text)} (entry 2): `)).toBe(true);
    expect(error.message).toContain(reason);
    expect((error as InvalidCidrError).index).toBe(1);
  });
});

function getThrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a throw');
}
