// Risk: the password-less dev link existing outside `kassa dev`, or working with a wrong token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreePort } from '../../../../../test/support/getFreePort.ts';
import { startTestGateway, type TestGateway } from '../../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../../test/support/testDatabases.ts';
import { createGateway, type Gateway } from '../../../../main.ts';

const TOKEN = 'dev-token-for-this-test-0123456789';

describe('console dev sign-in link', () => {
  let gw: TestGateway;
  let dev: Gateway;
  let devUrl: string;
  beforeAll(async () => {
    gw = await startTestGateway(testDatabases()[0] ?? raise());
    // `kassa dev`'s gateway: the same database, with a dev token.
    const port = await getFreePort();
    dev = await createGateway(
      { ...gw.config, server: { ...gw.config.server, port } },
      { clock: gw.clock, consoleDevSignInToken: TOKEN },
    );
    devUrl = await dev.listen();
  });
  afterAll(async () => {
    await dev?.close();
    await gw?.stop();
  });

  it('does not exist without a dev token', async () => {
    const reply = await fetch(`${gw.baseUrl}/console/dev-sign-in?token=${TOKEN}`, { redirect: 'manual' });
    expect(reply.status).toBe(404);
  });

  it('refuses a wrong token and signs in as operator dev with the right one', async () => {
    for (const token of ['', 'x', `${TOKEN}x`, TOKEN.replace('0', '1')]) {
      const refused = await fetch(`${devUrl}/console/dev-sign-in?token=${token}`, { redirect: 'manual' });
      expect(refused.status).toBe(403);
    }
    const first = await fetch(`${devUrl}/console/dev-sign-in?token=${TOKEN}`, { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([303, '/console']);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const account = await fetch(`${devUrl}/console/account`, { headers: { cookie } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('Signed in as <strong>dev</strong>');
    // A second use signs in again as the same operator.
    expect((await fetch(`${devUrl}/console/dev-sign-in?token=${TOKEN}`, { redirect: 'manual' })).status).toBe(303);
    const operators = await dev.kassaDb.db.selectFrom('operators').select('name').execute();
    expect(operators).toEqual([{ name: 'dev' }]);
    const audit = await dev.kassaDb.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(audit.map((row) => `${row.action} ${row.details}`)).toEqual([
      'operator.sign_in {"method":"dev link"}',
      'operator.sign_in {"method":"dev link"}',
    ]);
  });
});

function raise(): never {
  throw new Error('no test database');
}
