/** A person who may sign in to the operator console. */
export type Operator = {
  readonly operatorId: string;
  /** Unique, lowercase (see `parseOperatorName`). */
  readonly name: string;
  /** Self-describing password hash; null until the operator set a password through a link. */
  readonly passwordHash: string | null;
  /** The base32 TOTP secret once enrolment was confirmed; null while TOTP is off. */
  readonly totpSecret: string | null;
  /** A secret shown for enrolment and not yet confirmed with a code. */
  readonly totpPendingSecret: string | null;
  readonly createdAtMs: number;
};

/** A console session as stored; its cookie token is known to the browser alone. */
export type OperatorSession = {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly csrfToken: string;
  readonly createdAtMs: number;
  readonly lastSeenAtMs: number;
  /** The absolute end of the session, however active it stays. */
  readonly expiresAtMs: number;
  readonly address: string | null;
  readonly userAgent: string | null;
};

export type NewOperatorSession = Omit<OperatorSession, 'operatorName' | 'lastSeenAtMs'> & {
  /** The cookie's secret: only its SHA-256 is stored. */
  readonly token: string;
};

/** Failed sign-ins under one name, whether an operator has it or not. */
export type SignInFailures = { readonly failures: number; readonly lockedUntilMs: number | null };

/** Operators, their one-time links, sessions and sign-in failures. */
export type OperatorStore = {
  /** False when the name is taken. */
  insertOperator(p: { operatorId: string; name: string; createdAtMs: number }): Promise<boolean>;
  findOperator(operatorId: string): Promise<Operator | null>;
  findOperatorByName(name: string): Promise<Operator | null>;
  listOperators(): Promise<Operator[]>;
  /** Removes the operator with its sessions and links; false when there was none. */
  removeOperator(operatorId: string): Promise<boolean>;
  setPassword(operatorId: string, passwordHash: string, nowMs: number): Promise<void>;
  /** Clears password and TOTP, ends every session and voids unused links (a reset). */
  clearCredentials(operatorId: string, nowMs: number): Promise<void>;
  setPendingTotp(operatorId: string, secret: string | null, nowMs: number): Promise<void>;
  /** Turns TOTP on with `secret` (clearing the pending one), or off with null. */
  setTotp(operatorId: string, secret: string | null, nowMs: number): Promise<void>;
  /**
   * Takes a TOTP step for a sign-in: true when it is later than every step taken before, false
   * when it was used already (a replayed code). Atomic across processes.
   */
  claimTotpStep(operatorId: string, step: number): Promise<boolean>;

  /** Stores a one-time link (its token hashed) that sets the operator's password. */
  insertLink(p: { token: string; operatorId: string; createdAtMs: number; expiresAtMs: number }): Promise<void>;
  /** The operator of a link that is unused and unexpired at `nowMs`; null otherwise. */
  findLink(token: string, nowMs: number): Promise<{ operatorId: string } | null>;
  /** Marks the link used, once: null when it was used, expired or never existed. */
  useLink(token: string, nowMs: number): Promise<{ operatorId: string } | null>;

  insertSession(session: NewOperatorSession): Promise<void>;
  /** The session of a cookie token, with its operator's name; null when none. */
  findSession(token: string): Promise<OperatorSession | null>;
  touchSession(sessionId: string, nowMs: number): Promise<void>;
  deleteSession(sessionId: string): Promise<void>;
  /** Ends the operator's sessions but `exceptSessionId`; returns how many ended. */
  deleteSessionsOf(operatorId: string, exceptSessionId?: string): Promise<number>;
  listSessionsOf(operatorId: string): Promise<OperatorSession[]>;

  getSignInFailures(name: string): Promise<SignInFailures>;
  /** Counts a failure; at `lockAfter` failures the name is locked until `nowMs + lockForMs` and counting restarts. */
  recordSignInFailure(
    name: string,
    p: { nowMs: number; lockAfter: number; lockForMs: number },
  ): Promise<SignInFailures>;
  clearSignInFailures(name: string): Promise<void>;
};
