import type { Kysely, Selectable } from 'kysely';
import type { App } from '../../core/App.ts';
import { type Decimal, formatDecimal, parseDecimal } from '../../core/money/Decimal.ts';
import type { AppStore } from '../../core/ports.ts';
import type { SecretBox } from '../crypto/createSecretBox.ts';
import type { AppsTable, Database } from './schema.ts';

/** Apps in the database, secrets encrypted with the master key. */
export function createAppStore(db: Kysely<Database>, secretBox: SecretBox): AppStore {
  const toApp = (row: Selectable<AppsTable>): App => ({
    appId: row.app_id,
    name: row.name,
    secret: secretBox.decrypt(row.secret_ciphertext),
    webhookUrl: row.webhook_url,
    feeRate: readDecimal(row.fee_rate, 'fee_rate'),
    paymentTolerance: readDecimal(row.payment_tolerance, 'payment_tolerance'),
    notifyProcessing: row.notify_processing === 1,
    enabledTokenIds: row.enabled_token_ids === null ? null : readTokenIds(row.enabled_token_ids),
    disabledAtMs: row.disabled_at,
    createdAtMs: row.created_at,
  });

  return {
    async insertApp(app) {
      await db
        .insertInto('apps')
        .values({
          app_id: app.appId,
          name: app.name,
          secret_ciphertext: secretBox.encrypt(app.secret),
          webhook_url: app.webhookUrl,
          fee_rate: '0',
          payment_tolerance: '0',
          notify_processing: 0,
          enabled_token_ids: null,
          disabled_at: null,
          created_at: app.createdAtMs,
          updated_at: app.createdAtMs,
        })
        .execute();
    },
    async findApp(appId) {
      const row = await db.selectFrom('apps').selectAll().where('app_id', '=', appId).executeTakeFirst();
      return row === undefined ? null : toApp(row);
    },
    async listApps() {
      const rows = await db.selectFrom('apps').selectAll().orderBy('created_at').orderBy('app_id').execute();
      return rows.map(toApp);
    },
    async updateSecret(appId, secret, nowMs) {
      const result = await db
        .updateTable('apps')
        .set({ secret_ciphertext: secretBox.encrypt(secret), updated_at: nowMs })
        .where('app_id', '=', appId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async updateSettings(appId, change, nowMs) {
      const result = await db
        .updateTable('apps')
        .set({
          updated_at: nowMs,
          ...(change.webhookUrl === undefined ? {} : { webhook_url: change.webhookUrl }),
          ...(change.feeRate === undefined ? {} : { fee_rate: formatDecimal(change.feeRate) }),
          ...(change.paymentTolerance === undefined
            ? {}
            : { payment_tolerance: formatDecimal(change.paymentTolerance) }),
          ...(change.notifyProcessing === undefined ? {} : { notify_processing: change.notifyProcessing ? 1 : 0 }),
          ...(change.enabledTokenIds === undefined
            ? {}
            : { enabled_token_ids: change.enabledTokenIds === null ? null : JSON.stringify(change.enabledTokenIds) }),
          ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? nowMs : null }),
        })
        .where('app_id', '=', appId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function readDecimal(text: string, column: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`apps.${column} holds an invalid decimal: ${parsed.reason}`);
  return parsed.value;
}

function readTokenIds(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === 'string'))
    throw new Error('apps.enabled_token_ids holds something other than a JSON array of strings');
  return parsed;
}
