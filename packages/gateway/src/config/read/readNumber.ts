import { ConfigError } from '../ConfigError.ts';

export type NumberRange = {
  readonly min: number;
  readonly max: number;
  /** Only safe integers. */
  readonly whole?: boolean;
};

/** Reads a JSON number within a range; text is refused, so `"12"` does not pass for `12`. */
export function readNumber(value: unknown, setting: string, { min, max, whole = false }: NumberRange): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (whole && !Number.isSafeInteger(value))
  ) {
    throw new ConfigError(setting, `must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`);
  }
  return value;
}
