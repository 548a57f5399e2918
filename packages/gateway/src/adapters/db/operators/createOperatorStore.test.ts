// Risk: a one-time link that works twice or after expiry, a session found by anything but its
// token, a TOTP code accepted twice, or a lockout count that races or never resets.
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../../test/support/databaseTest.ts';
import type { TestStore } from '../../../../test/support/openTestStore.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { createSecretBox } from '../../crypto/createSecretBox.ts';
import { createOperatorStore } from './createOperatorStore.ts';

const NOW = Date.UTC(2026, 11, 2, 12);
const HOUR = 3_600_000;

describe.each(testDatabases())('createOperatorStore ($kind)', (database) => {
  databaseTest.override({ database });
  const open = (t: TestStore) => createOperatorStore(t.kassaDb.db, createSecretBox(t.masterKey));

  databaseTest('keeps names unique and removes an operator with its sessions and links', async ({ t }) => {
    const operators = open(t);
    expect(await operators.insertOperator({ operatorId: 'op1', name: 'alice', createdAtMs: NOW })).toBe(true);
    expect(await operators.insertOperator({ operatorId: 'op2', name: 'alice', createdAtMs: NOW })).toBe(false);
    await operators.insertOperator({ operatorId: 'op3', name: 'bob', createdAtMs: NOW });
    expect((await operators.listOperators()).map((o) => o.name)).toEqual(['alice', 'bob']);
    await operators.insertLink({ token: 'link-1', operatorId: 'op1', createdAtMs: NOW, expiresAtMs: NOW + HOUR });
    await operators.insertSession(session('op1', 's1', 'token-1'));
    expect(await operators.removeOperator('op1')).toBe(true);
    expect(await operators.removeOperator('op1')).toBe(false);
    expect(await operators.findOperatorByName('alice')).toBeNull();
    expect(await operators.findSession('token-1')).toBeNull();
    expect(await operators.findLink('link-1', NOW)).toBeNull();
  });

  databaseTest('a link works once and not after it expires; only its hash is stored', async ({ t }) => {
    const operators = open(t);
    await operators.insertOperator({ operatorId: 'op1', name: 'alice', createdAtMs: NOW });
    await operators.insertLink({ token: 'link-1', operatorId: 'op1', createdAtMs: NOW, expiresAtMs: NOW + HOUR });
    await operators.insertLink({ token: 'link-2', operatorId: 'op1', createdAtMs: NOW, expiresAtMs: NOW + HOUR });
    expect(await operators.findLink('link-1', NOW)).toEqual({ operatorId: 'op1' });
    const [first, second] = await Promise.all([operators.useLink('link-1', NOW), operators.useLink('link-1', NOW)]);
    expect([first, second].filter((used) => used !== null)).toEqual([{ operatorId: 'op1' }]);
    expect(await operators.findLink('link-1', NOW)).toBeNull();
    expect(await operators.useLink('link-2', NOW + HOUR)).toBeNull();
    expect(await operators.useLink('nothing', NOW)).toBeNull();
    const stored = await t.kassaDb.db.selectFrom('operator_links').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash).some((hash) => hash.includes('link'))).toBe(false);
  });

  databaseTest('finds sessions by token, touches, lists and ends them', async ({ t }) => {
    const operators = open(t);
    await operators.insertOperator({ operatorId: 'op1', name: 'alice', createdAtMs: NOW });
    await operators.insertSession(session('op1', 's1', 'token-1'));
    await operators.insertSession(session('op1', 's2', 'token-2'));
    await operators.insertSession(session('op1', 's3', 'token-3'));
    const found = await operators.findSession('token-1');
    expect(found).toMatchObject({ sessionId: 's1', operatorName: 'alice', csrfToken: 'csrf-s1', lastSeenAtMs: NOW });
    expect(await operators.findSession('s1')).toBeNull();
    await operators.touchSession('s1', NOW + 5000);
    expect((await operators.findSession('token-1'))?.lastSeenAtMs).toBe(NOW + 5000);
    expect((await operators.listSessionsOf('op1')).map((s) => s.sessionId)).toEqual(['s1', 's2', 's3']);
    await operators.deleteSession('s3');
    expect(await operators.deleteSessionsOf('op1', 's1')).toBe(1);
    expect((await operators.listSessionsOf('op1')).map((s) => s.sessionId)).toEqual(['s1']);
  });

  databaseTest('stores the TOTP secret encrypted and takes each step once', async ({ t }) => {
    const operators = open(t);
    await operators.insertOperator({ operatorId: 'op1', name: 'alice', createdAtMs: NOW });
    await operators.setPendingTotp('op1', 'JBSWY3DPEHPK3PXP', NOW);
    expect(await operators.findOperator('op1')).toMatchObject({
      totpSecret: null,
      totpPendingSecret: 'JBSWY3DPEHPK3PXP',
    });
    await operators.setTotp('op1', 'JBSWY3DPEHPK3PXP', NOW);
    expect(await operators.findOperator('op1')).toMatchObject({
      totpSecret: 'JBSWY3DPEHPK3PXP',
      totpPendingSecret: null,
    });
    const raw = await t.kassaDb.db.selectFrom('operators').select('totp_secret_ciphertext').executeTakeFirstOrThrow();
    expect(raw.totp_secret_ciphertext).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await operators.claimTotpStep('op1', 100)).toBe(true);
    expect(await operators.claimTotpStep('op1', 100)).toBe(false);
    expect(await operators.claimTotpStep('op1', 99)).toBe(false);
    expect(await operators.claimTotpStep('op1', 101)).toBe(true);
  });

  databaseTest('a reset clears password and TOTP, ends sessions and voids links', async ({ t }) => {
    const operators = open(t);
    await operators.insertOperator({ operatorId: 'op1', name: 'alice', createdAtMs: NOW });
    await operators.setPassword('op1', 'scrypt$x', NOW);
    await operators.setTotp('op1', 'JBSWY3DPEHPK3PXP', NOW);
    await operators.insertSession(session('op1', 's1', 'token-1'));
    await operators.insertLink({ token: 'link-1', operatorId: 'op1', createdAtMs: NOW, expiresAtMs: NOW + HOUR });
    await operators.clearCredentials('op1', NOW);
    expect(await operators.findOperator('op1')).toMatchObject({ passwordHash: null, totpSecret: null });
    expect(await operators.findSession('token-1')).toBeNull();
    expect(await operators.findLink('link-1', NOW)).toBeNull();
  });

  databaseTest('counts failures per name, locks at the limit, and forgets old ones', async ({ t }) => {
    const operators = open(t);
    const limits = { lockAfter: 3, lockForMs: HOUR };
    expect(await operators.recordSignInFailure('ghost', { nowMs: NOW, ...limits })).toEqual({
      failures: 1,
      lockedUntilMs: null,
    });
    await Promise.all([
      operators.recordSignInFailure('ghost', { nowMs: NOW + 1, ...limits }),
      operators.recordSignInFailure('ghost', { nowMs: NOW + 1, ...limits }),
    ]);
    expect(await operators.getSignInFailures('ghost')).toEqual({ failures: 0, lockedUntilMs: NOW + 1 + HOUR });
    await operators.recordSignInFailure('other', { nowMs: NOW, ...limits });
    expect(await operators.recordSignInFailure('other', { nowMs: NOW + 2 * HOUR, ...limits })).toMatchObject({
      failures: 1,
    });
    await operators.clearSignInFailures('ghost');
    expect(await operators.getSignInFailures('ghost')).toEqual({ failures: 0, lockedUntilMs: null });
  });
});

function session(operatorId: string, sessionId: string, token: string) {
  return {
    token,
    sessionId,
    operatorId,
    csrfToken: `csrf-${sessionId}`,
    createdAtMs: NOW,
    expiresAtMs: NOW + 12 * HOUR,
    address: '127.0.0.1',
    userAgent: 'test',
  };
}
