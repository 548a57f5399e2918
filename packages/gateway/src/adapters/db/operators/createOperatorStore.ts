import type { Kysely, Selectable } from 'kysely';
import type { Operator, OperatorStore } from '../../../core/ports/OperatorStore.ts';
import type { SecretBox } from '../../crypto/createSecretBox.ts';
import type { Database } from '../schema.ts';
import { createOperatorLinkRows } from './createOperatorLinkRows.ts';
import { createOperatorSessionRows } from './createOperatorSessionRows.ts';
import { createSignInFailureRows } from './createSignInFailureRows.ts';
import type { OperatorsTable } from './operatorTables.ts';

/** Operators in the database; TOTP secrets encrypted under the master key, like app secrets. */
export function createOperatorStore(db: Kysely<Database>, secretBox: SecretBox): OperatorStore {
  const decryptOrNull = (ciphertext: string | null) => (ciphertext === null ? null : secretBox.decrypt(ciphertext));
  const encryptOrNull = (plaintext: string | null) => (plaintext === null ? null : secretBox.encrypt(plaintext));
  const toOperator = (row: Selectable<OperatorsTable>): Operator => ({
    operatorId: row.operator_id,
    name: row.name,
    passwordHash: row.password_hash,
    totpSecret: decryptOrNull(row.totp_secret_ciphertext),
    totpPendingSecret: decryptOrNull(row.totp_pending_ciphertext),
    createdAtMs: row.created_at,
  });
  const update = async (operatorId: string, set: Partial<Selectable<OperatorsTable>>, nowMs: number) => {
    await db
      .updateTable('operators')
      .set({ ...set, updated_at: nowMs })
      .where('operator_id', '=', operatorId)
      .execute();
  };
  const links = createOperatorLinkRows(db);
  const sessions = createOperatorSessionRows(db);

  return {
    async insertOperator({ operatorId, name, createdAtMs }) {
      const result = await db
        .insertInto('operators')
        .values({ operator_id: operatorId, name, created_at: createdAtMs, updated_at: createdAtMs })
        .onConflict((oc) => oc.column('name').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async findOperator(operatorId) {
      const row = await db.selectFrom('operators').selectAll().where('operator_id', '=', operatorId).executeTakeFirst();
      return row === undefined ? null : toOperator(row);
    },
    async findOperatorByName(name) {
      const row = await db.selectFrom('operators').selectAll().where('name', '=', name).executeTakeFirst();
      return row === undefined ? null : toOperator(row);
    },
    async listOperators() {
      const rows = await db.selectFrom('operators').selectAll().orderBy('name').execute();
      return rows.map(toOperator);
    },
    async removeOperator(operatorId) {
      return db.transaction().execute(async (tx) => {
        await tx.deleteFrom('console_sessions').where('operator_id', '=', operatorId).execute();
        await tx.deleteFrom('operator_links').where('operator_id', '=', operatorId).execute();
        const result = await tx.deleteFrom('operators').where('operator_id', '=', operatorId).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },
    setPassword: (operatorId, passwordHash, nowMs) => update(operatorId, { password_hash: passwordHash }, nowMs),
    async clearCredentials(operatorId, nowMs) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('operators')
          .set({ password_hash: null, totp_secret_ciphertext: null, totp_pending_ciphertext: null, updated_at: nowMs })
          .where('operator_id', '=', operatorId)
          .execute();
        await tx.deleteFrom('console_sessions').where('operator_id', '=', operatorId).execute();
        await tx
          .updateTable('operator_links')
          .set({ used_at: nowMs })
          .where('operator_id', '=', operatorId)
          .where('used_at', 'is', null)
          .execute();
      });
    },
    setPendingTotp: (operatorId, secret, nowMs) =>
      update(operatorId, { totp_pending_ciphertext: encryptOrNull(secret) }, nowMs),
    setTotp: (operatorId, secret, nowMs) =>
      update(operatorId, { totp_secret_ciphertext: encryptOrNull(secret), totp_pending_ciphertext: null }, nowMs),
    async claimTotpStep(operatorId, step) {
      const result = await db
        .updateTable('operators')
        .set({ totp_last_step: step })
        .where('operator_id', '=', operatorId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    ...links,
    ...sessions,
    ...createSignInFailureRows(db),
  };
}
