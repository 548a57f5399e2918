import { EXCHANGE_NAMES, type ExchangeName } from '../../adapters/rates/ExchangeName.ts';
import { ConfigError } from '../ConfigError.ts';
import { CONFIG_SETTINGS } from '../configSettings.ts';
import { isRecord } from '../read/isRecord.ts';
import { readHttpUrl } from '../read/readHttpUrl.ts';
import { readObject } from '../read/readObject.ts';
import { isExchangeName } from './isExchangeName.ts';

/** Reads `rates.exchanges`: the API roots that replace the exchanges' public ones. */
export function readExchanges(value: unknown): Partial<Record<ExchangeName, string>> {
  if (!isRecord(value)) throw new ConfigError('rates.exchanges', 'must be an object keyed by exchange name');
  const baseUrls: Partial<Record<ExchangeName, string>> = {};
  for (const [name, raw] of Object.entries(value)) {
    const setting = `rates.exchanges.${name}`;
    if (!isExchangeName(name)) throw new ConfigError(setting, `is not a known exchange (${EXCHANGE_NAMES.join(', ')})`);
    const settings = readObject(raw, setting, CONFIG_SETTINGS.rates.exchanges['<name>']);
    if (settings.baseUrl !== undefined) {
      baseUrls[name] = readHttpUrl(settings.baseUrl, `${setting}.baseUrl`, { refuseCredentials: true });
    }
  }
  return baseUrls;
}
