// Risk: the networks page shows an RPC URL's API key, calls a dead node healthy (or a live one dead),
// or hammers a paid provider on every reload.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from './fixtures/devChain.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from './support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { SYNTHETIC_NETWORK } from './support/syntheticNetwork.ts';
import { testDatabases } from './support/testDatabases.ts';

// One database: the page reads through the same stores the other console suites cover on both.
const [database] = testDatabases();

describe('console networks page', () => {
  let t: TestGateway;
  let operator: SignedInConsoleOperator;
  let node: Server;
  let calls = 0;
  beforeAll(async () => {
    if (database === undefined) throw new Error('no test database');
    node = createServer((_request, response) => {
      calls++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x2a' }));
    });
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    const { port } = node.address() as AddressInfo;
    t = await startTestGateway(database, {
      networks: [
        {
          ...SYNTHETIC_NETWORK,
          xpub: DEV_CHAIN_XPUB,
          rpcUrls: [`http://127.0.0.1:${port}/v3/secret-api-key`, 'http://127.0.0.1:9/?apikey=other-secret'],
        },
      ],
    });
    operator = await signInConsoleOperator(t);
  });
  afterAll(async () => {
    await t?.stop();
    node?.close();
  });

  const page = async () => {
    const response = await fetch(`${t.baseUrl}/console/networks`, { headers: { cookie: operator.cookie } });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('reads the funds ledger behind the first view, and shows it from memory after', async () => {
    expect(await page()).toContain('The funds ledger is being read');
    let html = await page();
    for (let i = 0; i < 100 && html.includes('being read'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      html = await page();
    }
    expect(html).toContain('No confirmed payments yet.');
    expect(html).toContain('As of 2026-11-20 12:00:00 UTC');
  });

  it("shows each node's health and head without its API key, and the watcher's progress", async () => {
    const html = await page();
    expect(html).not.toContain('secret-api-key');
    expect(html).not.toContain('other-secret');
    expect(html).toContain(`<code>http://127.0.0.1:${(node.address() as AddressInfo).port}/…</code>`);
    expect(html).toMatch(/badge ok">Answers<\/span><\/td><td class="num">42<\/td>/);
    expect(html).toMatch(/badge bad">Failing<\/span> <span>unreachable or not JSON-RPC<\/span>/);
    expect(html).toContain('not yet: the watcher has not run');
    expect(html).toContain('block 42');
    expect(html).toContain('No confirmed payments yet.');
  });

  it('asks each node again only after the cache time', async () => {
    const before = calls;
    await page();
    expect(calls).toBe(before);
    t.clock.advance(16_000);
    await page();
    expect(calls).toBe(before + 1);
  });

  it('sends a visitor without a session to sign in', async () => {
    const response = await fetch(`${t.baseUrl}/console/networks`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%2Fnetworks');
  });
});
