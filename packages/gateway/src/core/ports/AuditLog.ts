/** One change an operator made in the console (or a console sign-in event), as the audit log keeps it. */
export type AuditEntry = {
  /** Null for events without a signed-in operator (a failed sign-in by an unknown name). */
  readonly operatorId: string | null;
  /** The name at the time: it stays readable after the operator is removed. */
  readonly operatorName: string;
  /** A stable dotted verb, e.g. `app.secret.rotate`, `webhook.resend`, `operator.sign_in`. */
  readonly action: string;
  /** What was acted on, e.g. an app id, a delivery id, an order id; empty when nothing. */
  readonly target: string;
  /** Small, flat facts worth keeping (old and new values); never secrets. */
  readonly details: Readonly<Record<string, string>>;
  /** The client address the request came from, when there was a request. */
  readonly address: string | null;
  readonly atMs: number;
};

export type RecordedAuditEntry = AuditEntry & { readonly auditId: number };

/** The console's append-only audit log. */
export type AuditLog = {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first; `beforeId` pages to older entries. */
  list(p: { readonly limit: number; readonly beforeId?: number }): Promise<RecordedAuditEntry[]>;
};
