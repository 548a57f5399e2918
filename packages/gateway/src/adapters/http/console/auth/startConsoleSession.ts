import { randomBytes } from 'node:crypto';
import type { OperatorStore } from '../../../../core/ports/OperatorStore.ts';
import { SESSION_ABSOLUTE_MS } from './consoleSessionLimits.ts';

export type StartConsoleSessionParameters = {
  readonly operatorId: string;
  readonly nowMs: number;
  readonly address: string | null;
  readonly userAgent: string | null;
};

export type StartedConsoleSession = {
  /** The cookie's value: shown to this browser once, stored only as its SHA-256. */
  readonly token: string;
  readonly sessionId: string;
  readonly csrfToken: string;
};

/** Opens a new session (a new id and token at every sign-in, so a planted one is never kept). */
export async function startConsoleSession(
  operators: OperatorStore,
  p: StartConsoleSessionParameters,
): Promise<StartedConsoleSession> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = randomBytes(12).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await operators.insertSession({
    token,
    sessionId,
    operatorId: p.operatorId,
    csrfToken,
    createdAtMs: p.nowMs,
    expiresAtMs: p.nowMs + SESSION_ABSOLUTE_MS,
    address: p.address,
    userAgent: p.userAgent === null ? null : p.userAgent.slice(0, 300),
  });
  return { token, sessionId, csrfToken };
}
