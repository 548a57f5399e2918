import type { AuditLog } from '../../core/ports/AuditLog.ts';
import type { Clock } from '../../core/ports/Clock.ts';
import type { IdSource } from '../../core/ports/IdSource.ts';
import type { OperatorStore } from '../../core/ports/OperatorStore.ts';

/** What the operator use cases take: the CLI and the console build it alike. */
export type OperatorDeps = {
  readonly operators: OperatorStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdSource;
};

/** Who acts, as the audit log names them: an operator in the console, or `cli`. */
export type OperatorActor = {
  readonly operatorId: string | null;
  readonly operatorName: string;
  readonly address: string | null;
};

/** A link that lets an operator set a password once (`/console/set-password?token=…`). */
export type OperatorLink = { readonly token: string; readonly expiresAtMs: number };

/** How long a set-password link works. */
export const OPERATOR_LINK_LIFETIME_MS = 24 * 60 * 60_000;
