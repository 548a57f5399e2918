import { EXCHANGE_NAMES, type ExchangeName } from '../../adapters/rates/ExchangeName.ts';

/** Whether `name` is one of `EXCHANGE_NAMES`. */
export function isExchangeName(name: string): name is ExchangeName {
  return (EXCHANGE_NAMES as readonly string[]).includes(name);
}
