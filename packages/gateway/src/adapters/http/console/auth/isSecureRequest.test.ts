// Risk: console cookies sent over plain HTTP when Kassa runs behind a TLS proxy (requests reach it
// as HTTP, but browsers are on https).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postConsoleSignIn } from '../../../../../test/support/postConsoleSignIn.ts';
import { signInConsoleOperator } from '../../../../../test/support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../../test/support/testDatabases.ts';
import { hashPassword } from '../../../crypto/hashPassword.ts';

describe('console cookies behind a TLS proxy', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(testDatabases()[0] ?? raise(), {
      env: { KASSA_PUBLIC_URL: 'https://pay.example.com' },
    });
  });
  afterAll(() => gw.stop());

  it('marks the pre-session, session and known-device cookies Secure when the public URL is https', async () => {
    const page = await fetch(`${gw.baseUrl}/console/sign-in`);
    expect(page.headers.get('set-cookie')).toMatch(
      /^kassa_console_pre=[\w-]{32}; Path=\/console; HttpOnly; SameSite=Strict; Secure$/,
    );
    const operator = await signInConsoleOperator(gw, { name: 'ivan' });
    await operator.operators.setPassword(operator.operatorId, await hashPassword('a long enough one'), gw.clock.now());
    const reply = await postConsoleSignIn(gw.baseUrl, { name: 'ivan', password: 'a long enough one' });
    expect(reply.status).toBe(303);
    expect(reply.setCookieHeaders).toEqual([
      expect.stringMatching(
        /^kassa_console=[\w-]{43}; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/,
      ),
      expect.stringMatching(/^kassa_console_device=[\w.-]+; Path=\/console\/sign-in; .*; Secure$/),
    ]);
  });
});

function raise(): never {
  throw new Error('no test database');
}
