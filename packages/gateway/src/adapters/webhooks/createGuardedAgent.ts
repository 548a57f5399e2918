import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { ForbiddenWebhookTargetError } from './ForbiddenWebhookTargetError.ts';
import { isForbiddenAddress } from './isForbiddenAddress.ts';
import type { CidrList } from './parseCidrList.ts';

export type CreateGuardedAgentParameters = {
  /** Networks allowed despite their class (`parseCidrList`), e.g. `127.0.0.0/8` in dev mode. */
  readonly allowList: CidrList;
  /** TCP (and TLS) connect timeout per address tried. Default 5000. */
  readonly connectTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept. Default 4000 (undici's default). */
  readonly keepAliveTimeoutMs?: number;
  /** Extra PEM certificates trusted for HTTPS targets, added to Node's root store. */
  readonly ca?: readonly string[];
};

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 4_000;

/**
 * Builds the undici `Agent` every webhook must be sent through. Its connect step resolves the
 * host itself, refuses with `ForbiddenWebhookTargetError` when ANY resolved address is forbidden
 * (`isForbiddenAddress`), and then connects to those checked addresses, never to the name; TLS
 * still verifies the certificate against the name and sends it as SNI. So a DNS answer that
 * changes between the check and the connect (rebinding) cannot reach a private address.
 *
 * Why any, not just the one chosen: a name that mixes public and private addresses is the usual
 * rebinding trick, and an all-or-nothing verdict does not depend on the resolver's order.
 * Addresses are tried in resolver order, moving on to the next when one fails to connect.
 */
export function createGuardedAgent({
  allowList,
  connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
  keepAliveTimeoutMs = DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  ca,
}: CreateGuardedAgentParameters): Agent {
  const connectSocket = buildConnector({
    timeout: connectTimeoutMs,
    // Node's `ca` replaces the root store rather than adding to it.
    ...(ca === undefined ? {} : { ca: [...rootCertificates, ...ca] }),
  });

  const connect: buildConnector.connector = (options, callback) => {
    const host = options.hostname;
    resolveAddresses(host).then(
      (addresses) => {
        const forbidden = addresses.find((address) => isForbiddenAddress(address, allowList));
        if (forbidden !== undefined) {
          callback(new ForbiddenWebhookTargetError({ host, address: forbidden }), null);
          return;
        }
        const servername = options.servername ?? (isIP(host) === 0 ? host : undefined);
        const connectTo = (index: number): void => {
          const address = addresses[index];
          if (address === undefined) return;
          connectSocket(
            { ...options, hostname: address, ...(servername === undefined ? {} : { servername }) },
            (error, socket) => {
              if (error !== null && index + 1 < addresses.length) connectTo(index + 1);
              else if (error !== null) callback(error, null);
              else callback(null, socket);
            },
          );
        };
        connectTo(0);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };

  return new Agent({ connect, keepAliveTimeout: keepAliveTimeoutMs });
}

async function resolveAddresses(host: string): Promise<readonly string[]> {
  if (isIP(host) !== 0) return [host];
  const results = await lookup(host, { all: true });
  if (results.length === 0) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
  }
  return results.map((result) => result.address);
}
