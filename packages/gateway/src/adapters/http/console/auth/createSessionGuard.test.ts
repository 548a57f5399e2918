// Risk: a console page reachable without a live session, or a form post another site (or a page
// without the session's token) makes that changes something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInConsoleOperator } from '../../../../../test/support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../../test/support/testDatabases.ts';

const MINUTE = 60_000;

describe('console session guard', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(testDatabases()[0] ?? raise());
  });
  afterAll(() => gw.stop());

  const get = (path: string, cookie?: string) =>
    fetch(`${gw.baseUrl}${path}`, { redirect: 'manual', headers: cookie === undefined ? {} : { cookie } });
  const post = (path: string, cookie: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${gw.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });

  it('sends a request without a session, or with an unknown one, to sign-in and back', async () => {
    for (const cookie of [undefined, 'kassa_console=forged', 'kassa_console=']) {
      const reply = await get('/console/account?x=1', cookie);
      expect(reply.status).toBe(303);
      expect(reply.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%2Faccount%3Fx%3D1');
    }
    const signedIn = await signInConsoleOperator(gw, { name: 'guard-a' });
    const page = await get('/console/account', signedIn.cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('guard-a');
  });

  it('refuses a post without the CSRF token, with a wrong one, or from another site, and changes nothing', async () => {
    const signedIn = await signInConsoleOperator(gw, { name: 'guard-b' });
    const path = '/console/account/sign-out-everywhere';
    const refused = [
      await post(path, signedIn.cookie, {}),
      await post(path, signedIn.cookie, { _csrf: `${signedIn.csrfToken}x` }),
      await post(path, signedIn.cookie, { _csrf: 'short' }),
      await post(path, signedIn.cookie, { _csrf: signedIn.csrfToken }, { origin: 'https://evil.example' }),
      await post(path, signedIn.cookie, { _csrf: signedIn.csrfToken }, { 'sec-fetch-site': 'cross-site' }),
      await post(path, signedIn.cookie, { _csrf: signedIn.csrfToken }, { 'sec-fetch-site': 'same-site' }),
      await fetch(`${gw.baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie: signedIn.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ _csrf: signedIn.csrfToken }),
      }),
    ];
    expect(refused.map((reply) => reply.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await signedIn.operators.listSessionsOf(signedIn.operatorId)).toHaveLength(1);
    const audit = await gw.gateway.kassaDb.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.filter((entry) => entry.operator_name === 'guard-b')).toEqual([]);

    const accepted = await post(path, signedIn.cookie, { _csrf: signedIn.csrfToken }, { origin: gw.baseUrl });
    expect(accepted.status).toBe(303);
    expect(await signedIn.operators.listSessionsOf(signedIn.operatorId)).toHaveLength(0);
  });

  it('sends a post without a session to sign-in without doing it', async () => {
    const reply = await post('/console/sign-out', 'kassa_console=forged', { _csrf: 'x' });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/console/sign-in');
  });

  it('ends a session after 30 idle minutes, and 12 hours after sign-in however active', async () => {
    const idle = await signInConsoleOperator(gw, { name: 'guard-c' });
    gw.clock.advance(29 * MINUTE);
    expect((await get('/console/account', idle.cookie)).status).toBe(200);
    gw.clock.advance(29 * MINUTE);
    expect((await get('/console/account', idle.cookie)).status).toBe(200);
    gw.clock.advance(30 * MINUTE);
    expect((await get('/console/account', idle.cookie)).status).toBe(303);
    expect(await idle.operators.listSessionsOf(idle.operatorId)).toEqual([]);

    const busy = await signInConsoleOperator(gw, { name: 'guard-d' });
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      gw.clock.advance(20 * MINUTE);
      expect((await get('/console/account', busy.cookie)).status).toBe(200);
    }
    gw.clock.advance(20 * MINUTE);
    expect((await get('/console/account', busy.cookie)).status).toBe(303);
  });

  it('signs out with a cookie that cannot reach scripts or other sites, and ends that session', async () => {
    const signedIn = await signInConsoleOperator(gw, { name: 'guard-e' });
    const other = await signInConsoleOperator(gw, { name: 'guard-e' });
    const reply = await post('/console/sign-out', signedIn.cookie, { _csrf: signedIn.csrfToken });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/console/sign-in?done=signed-out');
    expect(reply.headers.get('set-cookie')).toBe('kassa_console=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0');
    expect((await get('/console/account', signedIn.cookie)).status).toBe(303);
    expect((await get('/console/account', other.cookie)).status).toBe(200);
  });
});

function raise(): never {
  throw new Error('no test database');
}
