import { readList } from './readList.ts';
import { readString } from './readString.ts';

/** Reads a list of non-empty strings (CIDRs, origins), each checked as a whole. */
export function readStringList(value: unknown, setting: string): string[] {
  return readList(value, setting, 'non-empty strings', (item, itemSetting) => readString(item, itemSetting));
}
