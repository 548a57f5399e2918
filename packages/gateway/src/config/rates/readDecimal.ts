import { type Decimal, parseDecimal } from '../../core/money/Decimal.ts';
import { ConfigError } from '../ConfigError.ts';

/** Reads an exact decimal: a string, or a JSON number whose text is plain (`1e-7` is refused). */
export function readDecimal(value: unknown, setting: string): Decimal {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  if (text === null) throw new ConfigError(setting, 'must be a decimal string such as "0.02"');
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new ConfigError(setting, parsed.reason);
  return parsed.value;
}
