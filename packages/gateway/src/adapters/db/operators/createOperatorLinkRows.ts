import type { Kysely } from 'kysely';
import type { OperatorStore } from '../../../core/ports/OperatorStore.ts';
import { hashToken } from '../../crypto/hashToken.ts';
import type { Database } from '../schema.ts';

/** One-time links of OperatorStore: stored by the SHA-256 of their token, used once. */
export function createOperatorLinkRows(
  db: Kysely<Database>,
): Pick<OperatorStore, 'insertLink' | 'findLink' | 'useLink'> {
  return {
    async insertLink({ token, operatorId, createdAtMs, expiresAtMs }) {
      await db
        .insertInto('operator_links')
        .values({
          token_hash: hashToken(token),
          operator_id: operatorId,
          created_at: createdAtMs,
          expires_at: expiresAtMs,
          used_at: null,
        })
        .execute();
    },
    async findLink(token, nowMs) {
      const row = await db
        .selectFrom('operator_links')
        .select('operator_id')
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowMs)
        .executeTakeFirst();
      return row === undefined ? null : { operatorId: row.operator_id };
    },
    async useLink(token, nowMs) {
      // One conditional update: of two requests racing with the same link, one changes the row.
      const row = await db
        .updateTable('operator_links')
        .set({ used_at: nowMs })
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowMs)
        .returning('operator_id')
        .executeTakeFirst();
      return row === undefined ? null : { operatorId: row.operator_id };
    },
  };
}
