import type { Kysely } from 'kysely';
import type { KassaMigration } from './KassaMigration.ts';

/**
 * The operator console: operators (scrypt password hash, TOTP secret encrypted under the master
 * key, the last TOTP step used so a code works once), one-time links that set a password, sessions
 * (only the SHA-256 of a session's cookie token and of a link's token are stored, so a copy of the
 * database signs nobody in), failed sign-ins per name (kept in the database so a restart does not
 * reset a lockout, and per name rather than per operator so an unknown name locks out alike and
 * the answer tells nothing about which names exist), and the append-only audit log.
 */
export const operatorsMigration: KassaMigration = {
  name: '0009_operators',
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .createTable('operators')
      .addColumn('operator_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text')
      .addColumn('totp_secret_ciphertext', 'text')
      .addColumn('totp_pending_ciphertext', 'text')
      .addColumn('totp_last_step', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('operator_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('operator_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('operator_links_operator').on('operator_links').column('operator_id').execute();

    await db.schema
      .createTable('console_sessions')
      .addColumn('session_id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('operator_id', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('console_sessions_operator').on('console_sessions').column('operator_id').execute();

    await db.schema
      .createTable('sign_in_failures')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    // Both dialects number entries in insertion order; the audit page pages by that number.
    const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
    await db.schema
      .createTable('audit_log')
      .addColumn('audit_id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('operator_id', 'text')
      .addColumn('operator_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('recorded_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
