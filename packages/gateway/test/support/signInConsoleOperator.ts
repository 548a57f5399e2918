import { randomUUID } from 'node:crypto';
import { createSecretBox } from '../../src/adapters/crypto/createSecretBox.ts';
import { createOperatorStore } from '../../src/adapters/db/operators/createOperatorStore.ts';
import { SESSION_COOKIE } from '../../src/adapters/http/console/auth/consoleSessionLimits.ts';
import { startConsoleSession } from '../../src/adapters/http/console/auth/startConsoleSession.ts';
import type { OperatorStore } from '../../src/core/ports/OperatorStore.ts';
import type { TestGateway } from './startTestGateway.ts';

export type SignedInConsoleOperator = {
  /** A `Cookie` header value: `fetch(url, { headers: { cookie } })`. */
  readonly cookie: string;
  /** The same cookie for Playwright: `context.addCookies([browserCookie])`. */
  readonly browserCookie: { name: string; value: string; url: string };
  /** The `_csrf` field every console form post needs. */
  readonly csrfToken: string;
  readonly operatorName: string;
  readonly operatorId: string;
  readonly sessionId: string;
  /** The gateway's operator store, to look at what a test did. */
  readonly operators: OperatorStore;
};

/**
 * Signs an operator in to the console of a running test gateway without the sign-in page: creates
 * the operator (`name`, default `alice`; reused when it exists) and a session through the real store.
 *
 * @example
 * const { cookie, csrfToken } = await signInConsoleOperator(gw);
 * await fetch(`${gw.baseUrl}/console/apps`, { headers: { cookie } });
 */
export async function signInConsoleOperator(
  gw: Pick<TestGateway, 'gateway' | 'baseUrl' | 'config' | 'clock'>,
  { name = 'alice' }: { readonly name?: string } = {},
): Promise<SignedInConsoleOperator> {
  const operators = createOperatorStore(gw.gateway.kassaDb.db, createSecretBox(gw.config.masterKey));
  const nowMs = gw.clock.now();
  await operators.insertOperator({ operatorId: randomUUID(), name, createdAtMs: nowMs });
  const operator = await operators.findOperatorByName(name);
  if (operator === null) throw new Error(`operator ${name} missing right after insert`);
  const session = await startConsoleSession(operators, {
    operatorId: operator.operatorId,
    nowMs,
    address: '127.0.0.1',
    userAgent: 'test',
  });
  return {
    cookie: `${SESSION_COOKIE}=${session.token}`,
    browserCookie: { name: SESSION_COOKIE, value: session.token, url: `${gw.baseUrl}/console` },
    csrfToken: session.csrfToken,
    operatorName: name,
    operatorId: operator.operatorId,
    sessionId: session.sessionId,
    operators,
  };
}
