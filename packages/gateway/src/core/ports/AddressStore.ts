/** Deposit-address indexes, one counter per xpub. */
export type AddressStore = {
  /**
   * Hands out the next unused index of the xpub `xpubId` names (0, 1, 2, …). Atomic in the
   * database: never the same index twice, across restarts and concurrent processes.
   */
  allocateIndex(xpubId: string): Promise<number>;
};
