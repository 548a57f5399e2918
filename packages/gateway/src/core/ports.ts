// The ports, one file each under ports/; this barrel keeps `core/ports.ts` imports working.
export type * from './ports/AddressStore.ts';
export type * from './ports/AppStore.ts';
export type * from './ports/ChainStore.ts';
export type * from './ports/Clock.ts';
export type * from './ports/DeliveryStore.ts';
export type * from './ports/DeliveryWakeups.ts';
export type * from './ports/FundsStore.ts';
export type * from './ports/IdSource.ts';
export type * from './ports/LeaseStore.ts';
export type * from './ports/Metrics.ts';
export type * from './ports/OrderStore.ts';
export type * from './ports/PaymentStore.ts';
export type * from './ports/QuoteStore.ts';
export type * from './ports/Store.ts';
