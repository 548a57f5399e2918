// Guards against webhooks being aimed at loopback, private or metadata addresses (SSRF), and against the guard breaking TLS.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedAgent, type GuardedAgent } from './createGuardedAgent.ts';
import { ForbiddenWebhookTargetError } from './ForbiddenWebhookTargetError.ts';
import { parseCidrList } from './parseCidrList.ts';

let v4Server: Server;
let v6Server: Server;
let v4Port: number;
let v6Port: number;
const hits: string[] = [];

beforeAll(async () => {
  const handle: RequestListener = (request, response) => {
    hits.push(request.socket.localAddress ?? '');
    response.end('success');
  };
  v4Server = createServer(handle).listen(0, '127.0.0.1');
  v6Server = createServer(handle).listen(0, '::1');
  await Promise.all([once(v4Server, 'listening'), once(v6Server, 'listening')]);
  v4Port = (v4Server.address() as AddressInfo).port;
  v6Port = (v6Server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const server of [v4Server, v6Server]) {
    server.closeAllConnections();
    server.close();
  }
});

/** POSTs `{}` to `url` through the guarded agent and reads the whole answer. */
function post(agent: GuardedAgent, url: string): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(target, { method: 'POST', agent: agent.agentFor(target) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    outgoing.on('error', reject);
    outgoing.end('{}');
  });
}

async function getRefusal(agent: GuardedAgent, url: string): Promise<ForbiddenWebhookTargetError> {
  const hitsBefore = hits.length;
  const error = await post(agent, url).then(
    () => new Error(`expected ${url} to be refused`),
    (error: unknown) => error,
  );
  expect(hits.length, 'nothing may reach the receiver').toBe(hitsBefore);
  expect(error).toBeInstanceOf(ForbiddenWebhookTargetError);
  return error as ForbiddenWebhookTargetError;
}

const getBody = post;

describe('createGuardedAgent with nothing allowed', () => {
  const agent = createGuardedAgent({ allowList: parseCidrList([]) });
  afterAll(() => agent.close());

  it('refuses a literal loopback address', async () => {
    const error = await getRefusal(agent, `http://127.0.0.1:${v4Port}/`);
    expect(error.message).toBe('webhook target 127.0.0.1 is a loopback address');
    expect(error).toMatchObject({ host: '127.0.0.1', address: '127.0.0.1', addressClass: 'loopback' });
  });

  it('refuses a name that resolves to loopback', async () => {
    const error = await getRefusal(agent, `http://localhost:${v4Port}/`);
    expect(error.message).toMatch(/^webhook target localhost resolves to a loopback address \((127\.0\.0\.1|::1)\)$/);
    expect(error.host).toBe('localhost');
  });

  it('refuses IPv6 loopback', async () => {
    expect((await getRefusal(agent, `http://[::1]:${v6Port}/`)).message).toBe(
      'webhook target ::1 is a loopback address',
    );
  });

  it('refuses loopback hidden in an IPv4-mapped IPv6 address', async () => {
    const error = await getRefusal(agent, `http://[::ffff:127.0.0.1]:${v4Port}/`);
    // The URL parser rewrites the host to ::ffff:7f00:1; the message still names the IPv4 address.
    expect(error.message).toBe('webhook target ::ffff:7f00:1 is a loopback address (IPv4-mapped 127.0.0.1)');
  });

  it('refuses private, metadata and NAT64-wrapped addresses before connecting', async () => {
    expect((await getRefusal(agent, 'http://10.1.2.3:8080/')).message).toBe(
      'webhook target 10.1.2.3 is a private address',
    );
    expect((await getRefusal(agent, 'http://169.254.169.254/latest/meta-data/')).message).toBe(
      'webhook target 169.254.169.254 is a cloud metadata address',
    );
    expect((await getRefusal(agent, 'https://[64:ff9b::a9fe:a9fe]/')).addressClass).toBe('metadata');
    expect((await getRefusal(agent, 'http://0.0.0.0:80/')).addressClass).toBe('unspecified');
  });

  it('refuses the decimal and hex spellings of loopback, which the URL parser normalises', async () => {
    expect((await getRefusal(agent, `http://2130706433:${v4Port}/`)).address).toBe('127.0.0.1');
    expect((await getRefusal(agent, `http://0x7f.1:${v4Port}/`)).address).toBe('127.0.0.1');
  });
});

describe('createGuardedAgent with loopback allowed', () => {
  const agent = createGuardedAgent({ allowList: parseCidrList(['127.0.0.0/8', '::1/128']) });
  afterAll(() => agent.close());

  it('delivers to 127.0.0.1, localhost, [::1] and [::ffff:127.0.0.1]', async () => {
    expect(await getBody(agent, `http://127.0.0.1:${v4Port}/`)).toBe('success');
    expect(await getBody(agent, `http://localhost:${v4Port}/`)).toBe('success');
    expect(await getBody(agent, `http://[::1]:${v6Port}/`)).toBe('success');
    expect(await getBody(agent, `http://[::ffff:127.0.0.1]:${v4Port}/`)).toBe('success');
  });

  it('still refuses everything else', async () => {
    expect((await getRefusal(agent, 'http://10.0.0.5/')).message).toBe('webhook target 10.0.0.5 is a private address');
    expect((await getRefusal(agent, 'http://[fe80::1]/')).addressClass).toBe('link-local');
  });

  it('allows only the families listed: 127.0.0.0/8 alone does not open ::1', async () => {
    const v4Only = createGuardedAgent({ allowList: parseCidrList(['127.0.0.0/8']) });
    try {
      expect(await getBody(v4Only, `http://127.0.0.1:${v4Port}/`)).toBe('success');
      expect((await getRefusal(v4Only, `http://[::1]:${v6Port}/`)).addressClass).toBe('loopback');
    } finally {
      await v4Only.close();
    }
  });
});

describe('createGuardedAgent over HTTPS', () => {
  let certificate: string | null = null;
  let key = '';
  try {
    const directory = mkdtempSync(join(tmpdir(), 'kassa-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(directory, 'key.pem'),
        '-out',
        join(directory, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    certificate = readFileSync(join(directory, 'cert.pem'), 'utf8');
    key = readFileSync(join(directory, 'key.pem'), 'utf8');
    rmSync(directory, { recursive: true });
  } catch (error) {
    console.log(`HTTPS guard tests skipped: they need the openssl command to make a certificate (${String(error)})`);
  }

  it.skipIf(certificate === null)(
    'connects to the checked IP but verifies the certificate against the name and sends it as SNI',
    async () => {
      const servernames: Array<string | false> = [];
      const server = createHttpsServer({ cert: certificate ?? '', key }, (request, response) => {
        // `servername` is set by Node but missing from @types/node 20.
        servernames.push((request.socket as TLSSocket & { servername: string | false }).servername);
        response.end('success');
      }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      const port = (server.address() as AddressInfo).port;
      const agent = createGuardedAgent({ allowList: parseCidrList(['127.0.0.0/8']), ca: [certificate ?? ''] });
      try {
        expect(await getBody(agent, `https://localhost:${port}/`)).toBe('success');
        expect(servernames).toEqual(['localhost']);
        // The certificate names localhost only: reaching the same server by IP must fail verification.
        const error = await post(agent, `https://127.0.0.1:${port}/`).then(
          () => null,
          (error: unknown) => error,
        );
        expect((error as { code?: string } | null)?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      } finally {
        await agent.close();
        server.closeAllConnections();
        server.close();
      }
    },
  );
});
