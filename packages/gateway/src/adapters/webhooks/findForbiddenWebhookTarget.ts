import { isIP } from 'node:net';
import { ForbiddenWebhookTargetError } from './ForbiddenWebhookTargetError.ts';
import { isForbiddenAddress } from './isForbiddenAddress.ts';
import type { CidrList } from './parseCidrList.ts';

// Names that reach an internal host wherever they are resolved: RFC 6761 keeps `localhost` and
// its subdomains on loopback, and GCP's metadata service answers at its fixed name.
const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1'] as const;
const METADATA_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ['metadata.google.internal', ['169.254.169.254']],
]);

/**
 * The address guard's verdict on a webhook URL when the merchant names it, before anything is
 * sent: a host that is an IP address (in whatever spelling the WHATWG parser turned into one,
 * e.g. `2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`) or a name that always means an internal host
 * is refused exactly when `createGuardedAgent` would refuse to connect to it, by the same
 * `isForbiddenAddress` and allow-list. No DNS here: other names are judged by the addresses they
 * resolve to at connect time, which a DNS answer given now could not vouch for anyway.
 */
export function findForbiddenWebhookTarget(url: URL, allowList: CidrList): ForbiddenWebhookTargetError | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = isIP(host) === 0 ? addressesOfInternalName(host) : [host];
  const forbidden = addresses.find((address) => isForbiddenAddress(address, allowList));
  return forbidden === undefined ? null : new ForbiddenWebhookTargetError({ host: nameOf(host), address: forbidden });
}

function addressesOfInternalName(host: string): readonly string[] {
  const name = nameOf(host);
  if (name === 'localhost' || name.endsWith('.localhost')) return LOOPBACK_ADDRESSES;
  return METADATA_NAMES.get(name) ?? [];
}

/** The parser keeps a trailing dot (`localhost.`), which names the same host. */
function nameOf(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
