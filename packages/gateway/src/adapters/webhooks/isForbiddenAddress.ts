import { classifyAddress } from './classifyAddress.ts';
import type { CidrList } from './parseCidrList.ts';

/**
 * Whether a webhook may not be sent to `ip`: true for every non-public class (see
 * `classifyAddress`) unless the operator's allow-list contains the address or, for an IPv6 form
 * carrying an IPv4 address, that IPv4 address. Text that is not an IP address is forbidden.
 */
export function isForbiddenAddress(ip: string, allowList: CidrList): boolean {
  if (allowList.has(ip)) return false;
  const { addressClass, embeddedIpv4 } = classifyAddress(ip);
  if (addressClass === 'public') return false;
  // `127.0.0.0/8` allowed means `::ffff:127.0.0.1` too: both reach the same host.
  return embeddedIpv4 === null || !allowList.has(embeddedIpv4);
}
