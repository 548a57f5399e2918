import type { Kysely } from 'kysely';
import type { OperatorSession, OperatorStore } from '../../../core/ports/OperatorStore.ts';
import { hashToken } from '../../crypto/hashToken.ts';
import type { Database } from '../schema.ts';

type SessionMethods = Pick<
  OperatorStore,
  'insertSession' | 'findSession' | 'touchSession' | 'deleteSession' | 'deleteSessionsOf' | 'listSessionsOf'
>;

/** Console sessions of OperatorStore: found by the SHA-256 of the cookie's token. */
export function createOperatorSessionRows(db: Kysely<Database>): SessionMethods {
  const selectSessions = () =>
    db
      .selectFrom('console_sessions as s')
      .innerJoin('operators as o', 'o.operator_id', 's.operator_id')
      .select([
        's.session_id',
        's.operator_id',
        'o.name',
        's.csrf_token',
        's.created_at',
        's.last_seen_at',
        's.expires_at',
        's.address',
        's.user_agent',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>;
  const toSession = (row: Row): OperatorSession => ({
    sessionId: row.session_id,
    operatorId: row.operator_id,
    operatorName: row.name,
    csrfToken: row.csrf_token,
    createdAtMs: row.created_at,
    lastSeenAtMs: row.last_seen_at,
    expiresAtMs: row.expires_at,
    address: row.address,
    userAgent: row.user_agent,
  });

  return {
    async insertSession(session) {
      await db
        .insertInto('console_sessions')
        .values({
          session_id: session.sessionId,
          token_hash: hashToken(session.token),
          operator_id: session.operatorId,
          csrf_token: session.csrfToken,
          created_at: session.createdAtMs,
          last_seen_at: session.createdAtMs,
          expires_at: session.expiresAtMs,
          address: session.address,
          user_agent: session.userAgent,
        })
        .execute();
    },
    async findSession(token) {
      const row = await selectSessions().where('s.token_hash', '=', hashToken(token)).executeTakeFirst();
      return row === undefined ? null : toSession(row);
    },
    async touchSession(sessionId, nowMs) {
      await db
        .updateTable('console_sessions')
        .set({ last_seen_at: nowMs })
        .where('session_id', '=', sessionId)
        .execute();
    },
    async deleteSession(sessionId) {
      await db.deleteFrom('console_sessions').where('session_id', '=', sessionId).execute();
    },
    async deleteSessionsOf(operatorId, exceptSessionId) {
      let query = db.deleteFrom('console_sessions').where('operator_id', '=', operatorId);
      if (exceptSessionId !== undefined) query = query.where('session_id', '!=', exceptSessionId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async listSessionsOf(operatorId) {
      const rows = await selectSessions()
        .where('s.operator_id', '=', operatorId)
        .orderBy('s.last_seen_at', 'desc')
        .orderBy('s.session_id')
        .execute();
      return rows.map(toSession);
    },
  };
}
