/**
 * Word that deliveries became due at once (new webhooks, resends), given only after the
 * transaction that wrote them has committed, so a woken dispatcher finds the rows: from this
 * process, and on PostgreSQL from every process writing the same schema. A hint, never the only
 * way: a word can be lost (a dropped connection, a dispatcher started later), so the dispatcher
 * keeps polling too.
 */
export type DeliveryWakeups = {
  /**
   * Calls `onDue` after each such commit until the returned function is called (it resolves once
   * the listening has stopped). `onError` hears that the cross-process channel failed; it
   * reconnects by itself.
   */
  subscribe(onDue: () => void, onError?: (error: unknown) => void): () => Promise<void>;
};
