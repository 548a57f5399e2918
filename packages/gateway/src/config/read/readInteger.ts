import { readNumber } from './readNumber.ts';

/** Reads a whole JSON number from `min` to `max`. */
export function readInteger(value: unknown, setting: string, min: number, max: number): number {
  return readNumber(value, setting, { min, max, whole: true });
}
