import type { OperatorSession, OperatorStore } from '../../../../core/ports/OperatorStore.ts';
import { SESSION_IDLE_MS } from './consoleSessionLimits.ts';

/**
 * The session of a cookie token while it is neither idle too long nor past its absolute end; a
 * session found past either is deleted on the way.
 */
export async function findLiveSession(
  operators: OperatorStore,
  token: string | undefined,
  nowMs: number,
): Promise<OperatorSession | null> {
  if (token === undefined || token === '') return null;
  const session = await operators.findSession(token);
  if (session === null) return null;
  if (nowMs >= session.expiresAtMs || nowMs - session.lastSeenAtMs >= SESSION_IDLE_MS) {
    await operators.deleteSession(session.sessionId);
    return null;
  }
  return session;
}
