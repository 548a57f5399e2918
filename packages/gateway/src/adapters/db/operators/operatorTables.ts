import type { Generated } from 'kysely';

/** The console's tables (migration 0009), as OperatorStore and the audit log use them. */
export type OperatorsTable = {
  operator_id: string;
  name: string;
  /** Self-describing scrypt string (`scrypt$…`); null until the operator's link was used. */
  password_hash: string | null;
  /** AES-256-GCM ciphertext of the base32 TOTP secret; null while TOTP is off. */
  totp_secret_ciphertext: string | null;
  /** A secret shown for enrolment, not yet confirmed with a code. */
  totp_pending_ciphertext: string | null;
  /** The last 30-second step whose code signed in: a code is good once. */
  totp_last_step: number | null;
  created_at: number;
  updated_at: number;
};

export type OperatorLinksTable = {
  /** SHA-256 (hex) of the link's token. */
  token_hash: string;
  operator_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
};

export type ConsoleSessionsTable = {
  session_id: string;
  /** SHA-256 (hex) of the cookie's token. */
  token_hash: string;
  operator_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  /** The absolute end, however active the session stays. */
  expires_at: number;
  address: string | null;
  user_agent: string | null;
};

export type SignInFailuresTable = {
  /** The name as typed (normalised), whether or not an operator has it. */
  name: string;
  failures: number;
  locked_until: number | null;
  updated_at: number;
};

export type AuditLogTable = {
  audit_id: Generated<number>;
  operator_id: string | null;
  operator_name: string;
  action: string;
  target: string;
  /** JSON object of string values. */
  details: string;
  address: string | null;
  recorded_at: number;
};

/** The console's part of `Database`. */
export type ConsoleTables = {
  operators: OperatorsTable;
  operator_links: OperatorLinksTable;
  console_sessions: ConsoleSessionsTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
};
