import type { AddressStore } from './AddressStore.ts';
import type { AppStore } from './AppStore.ts';
import type { ChainStore } from './ChainStore.ts';
import type { DeliveryStore } from './DeliveryStore.ts';
import type { DeliveryWakeups } from './DeliveryWakeups.ts';
import type { FundsStore } from './FundsStore.ts';
import type { LeaseStore } from './LeaseStore.ts';
import type { OrderStore } from './OrderStore.ts';
import type { PaymentStore } from './PaymentStore.ts';
import type { QuoteStore } from './QuoteStore.ts';

/** The stores that can take part in one transaction. */
export type Stores = {
  readonly apps: AppStore;
  readonly orders: OrderStore;
  readonly quotes: QuoteStore;
  readonly payments: PaymentStore;
  readonly deliveries: DeliveryStore;
  readonly addresses: AddressStore;
  readonly chain: ChainStore;
  readonly funds: FundsStore;
  readonly leases: LeaseStore;
};

/** Persistence as the use cases see it: stores, and a way to change several atomically. */
export type Store = Stores & {
  /** Runs `work` in one database transaction: all of its writes commit, or none. */
  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T>;
  /** Word of commits that made deliveries due at once: the webhook dispatcher's wake-up. */
  readonly deliveryWakeups: DeliveryWakeups;
};
