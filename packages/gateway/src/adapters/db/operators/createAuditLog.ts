import type { AuditLog, RecordedAuditEntry } from '../../../core/ports/AuditLog.ts';
import type { KassaDb } from '../createDb.ts';

/** The append-only audit log in the `audit_log` table (migration 0009). */
export function createAuditLog({ db }: KassaDb): AuditLog {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          operator_id: entry.operatorId,
          operator_name: entry.operatorName,
          action: entry.action,
          target: entry.target,
          details: JSON.stringify(entry.details),
          address: entry.address,
          recorded_at: entry.atMs,
        })
        .execute();
    },
    async list({ limit, beforeId }) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('audit_id', 'desc').limit(limit);
      if (beforeId !== undefined) query = query.where('audit_id', '<', beforeId);
      const rows = await query.execute();
      return rows.map(
        (row): RecordedAuditEntry => ({
          auditId: Number(row.audit_id),
          operatorId: row.operator_id,
          operatorName: row.operator_name,
          action: row.action,
          target: row.target,
          details: JSON.parse(row.details) as Record<string, string>,
          address: row.address,
          atMs: row.recorded_at,
        }),
      );
    },
  };
}
