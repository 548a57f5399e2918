/** Deposit-address indexes, one counter per xpub. */
export type AddressStore = {
  /**
   * Hands out the next unused index of the xpub `xpubId` names (0, 1, 2, …). Atomic in the
   * database: never the same index twice, across restarts and concurrent processes.
   */
  allocateIndex(xpubId: string): Promise<number>;
  /**
   * The same, unless the app already has an order with `merchantOrderId`: then null and no index
   * is used, so a retried request allocates nothing. One statement, which commits on its own
   * outside a transaction: the counter is not held while the caller goes on to derive and insert.
   */
  allocateIndexForNewOrder(xpubId: string, order: NewOrderKey): Promise<number | null>;
};

/** An order's key before it exists: (app, merchant order id). */
export type NewOrderKey = { readonly appId: string; readonly merchantOrderId: string };
