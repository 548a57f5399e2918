import { isIP } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 bits for IPv6. */
export type ParsedIp = {
  readonly family: 4 | 6;
  readonly value: bigint;
};

/**
 * Parses an IPv4 or IPv6 address (no brackets, no prefix) into its numeric value, or null.
 * An IPv6 zone (`fe80::1%eth0`) is dropped: the zone does not change the address's class.
 */
export function parseIp(text: string): ParsedIp | null {
  const family = isIP(text);
  if (family === 4) return { family: 4, value: parseIpv4(text) };
  if (family === 6) {
    const zoneAt = text.indexOf('%');
    return { family: 6, value: parseIpv6(zoneAt === -1 ? text : text.slice(0, zoneAt)) };
  }
  return null;
}

/** Formats a 32-bit value as dotted-quad IPv4 text. */
export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

// `isIP` has already validated the text, so these parsers only convert.
function parseIpv4(text: string): bigint {
  let value = 0n;
  for (const part of text.split('.')) value = (value << 8n) | BigInt(Number.parseInt(part, 10));
  return value;
}

function parseIpv6(text: string): bigint {
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) is rewritten as the two 16-bit groups it stands for.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  let hexText = text;
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    hexText = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [headText = '', restText] = hexText.split('::');
  const head = splitGroups(headText);
  const rest = restText === undefined ? [] : splitGroups(restText);
  const zeros = Array<bigint>(8 - head.length - rest.length).fill(0n);
  let value = 0n;
  for (const group of [...head, ...zeros, ...rest]) value = (value << 16n) | group;
  return value;
}

function splitGroups(text: string): bigint[] {
  return text === '' ? [] : text.split(':').map((group) => BigInt(`0x${group}`));
}
