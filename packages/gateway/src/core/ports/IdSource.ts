/** Randomness for identifiers: tests may make it deterministic. */
export type IdSource = {
  /** A 33-digit time-sortable id (`order_id`, `record_id`, `app_id`). */
  createId(): string;
  /** An unguessable URL-safe token (≥ 128 bits). */
  createToken(): string;
  /** A new app secret (≥ 32 random characters). */
  createSecret(): string;
};
