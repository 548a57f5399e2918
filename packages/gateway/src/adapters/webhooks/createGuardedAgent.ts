import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { ForbiddenWebhookTargetError } from './ForbiddenWebhookTargetError.ts';
import { isForbiddenAddress } from './isForbiddenAddress.ts';
import type { CidrList } from './parseCidrList.ts';

export type CreateGuardedAgentParameters = {
  /** Networks allowed despite their class (`parseCidrList`), e.g. `127.0.0.0/8` in dev mode. */
  readonly allowList: CidrList;
  /** How long an idle keep-alive connection is kept. Default 4000. */
  readonly keepAliveTimeoutMs?: number;
  /** Extra PEM certificates trusted for HTTPS targets, added to Node's root store. */
  readonly ca?: readonly string[];
};

/** The agents every webhook must be sent through, one per scheme (`agentFor`). */
export type GuardedAgent = {
  agentFor(url: URL): http.Agent;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
};

const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 4_000;

type CreateConnection = (options: ConnectionOptions, callback: (error: Error | null, socket?: Duplex) => void) => void;
type ConnectionOptions = { host?: string | null; lookup?: unknown; [option: string]: unknown };

/**
 * Builds the `node:http` and `node:https` agents every webhook must be sent through. Before a
 * connection is opened the host is resolved here, and refused with `ForbiddenWebhookTargetError`
 * when ANY of its addresses is forbidden (`isForbiddenAddress`); the socket then gets a `lookup`
 * that answers those checked addresses, so Node connects to them and never resolves the name
 * again, while TLS still verifies the certificate against the name and sends it as SNI. A DNS
 * answer that changes between the check and the connect (rebinding) cannot reach a private address.
 *
 * Why any, not just the one chosen: a name that mixes public and private addresses is the usual
 * rebinding trick, and an all-or-nothing verdict does not depend on the resolver's order.
 * Addresses are tried in resolver order (Node's happy eyeballs), moving on when one fails.
 *
 * `node:http` rather than undici: undici, loaded on the first webhook, held about 20 MB for the
 * rest of the process (docs/benchmarks.md, "Memory").
 */
export function createGuardedAgent({
  allowList,
  keepAliveTimeoutMs = DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  ca,
}: CreateGuardedAgentParameters): GuardedAgent {
  // `timeout` closes a kept-alive socket idle that long; a request's own time limit is postWebhook's.
  const options = { keepAlive: true, timeout: keepAliveTimeoutMs };
  const plain = new http.Agent(options);
  // Node's `ca` replaces the root store rather than adding to it.
  const secure = new https.Agent({ ...options, ...(ca === undefined ? {} : { ca: [...rootCertificates, ...ca] }) });
  guard(plain, allowList);
  guard(secure, allowList);
  return {
    agentFor: (url) => (url.protocol === 'https:' ? secure : plain),
    close: async () => {
      plain.destroy();
      secure.destroy();
    },
  };
}

/** Wraps the agent's `createConnection` in the address check (Node lets it answer by callback). */
function guard(agent: http.Agent, allowList: CidrList): void {
  const target = agent as unknown as { createConnection: CreateConnection };
  const open = target.createConnection.bind(agent) as (options: ConnectionOptions) => Duplex;
  target.createConnection = (options, callback) => {
    // The URL's hostname (an IPv6 literal without its brackets), as `http.request` passes it.
    const host = String(options.host ?? 'localhost');
    resolveAddresses(host).then(
      (addresses) => {
        const forbidden = addresses.find((address) => isForbiddenAddress(address, allowList));
        if (forbidden !== undefined) return callback(new ForbiddenWebhookTargetError({ host, address: forbidden }));
        callback(null, open({ ...options, lookup: answerWith(addresses) }));
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

/** A `dns.lookup` stand-in that answers the checked addresses, in their order. */
function answerWith(addresses: readonly string[]) {
  return (
    _hostname: string,
    options: { all?: boolean },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    if (options.all === true)
      callback(
        null,
        addresses.map((address) => ({ address, family: isIP(address) })),
      );
    else callback(null, addresses[0] as string, isIP(addresses[0] as string));
  };
}

async function resolveAddresses(host: string): Promise<readonly string[]> {
  if (isIP(host) !== 0) return [host];
  const results = await lookup(host, { all: true });
  if (results.length === 0) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
  }
  return results.map((result) => result.address);
}
