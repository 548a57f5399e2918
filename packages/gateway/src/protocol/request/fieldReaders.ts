import { InvalidParamError } from '../../core/InvalidParamError.ts';
import { parseAmount } from '../../core/money/parseAmount.ts';
import { parseHttpUrl } from '../../core/parseHttpUrl.ts';

/*
 * Lenient readers of request fields (spec §3): unknown keys are ignored; null, "" and 0 mean
 * "absent" for optional fields; amounts may come as strings or as plain JSON numbers. They throw
 * InvalidParamError naming the field, which the HTTP layer turns into `invalid_param`.
 */

/** A JSON object body. */
export type RequestBody = Readonly<Record<string, unknown>>;

/**
 * A body seen through the keys of its wire request type (an SDK type, plus the legacy aliases
 * clients still send): a reader given a key the wire does not have does not compile.
 */
export type WireBody<TWire> = { readonly [K in keyof TWire]?: unknown };

/** A key readers may look up in `TBody`. */
type FieldOf<TBody> = Extract<keyof TBody, string>;

/** True when a value counts as absent for an optional field. */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0;
}

/** The first of several alias keys whose value is present. */
export function pickField<TBody extends RequestBody>(
  body: TBody,
  keys: readonly FieldOf<TBody>[],
): { key: string; value: unknown } | null {
  for (const key of keys) {
    const value = body[key];
    if (!isAbsent(value)) return { key, value };
  }
  return null;
}

// C0/C1 controls and the Unicode line/paragraph separators: never part of a name or an id.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

export type TextRules = {
  readonly maxLength: number;
  /** Refuse control characters (ids and names; free-form values may hold newlines). */
  readonly printable?: boolean;
};

/** Reads a text field; integers are accepted and written as digits (some clients send ids as numbers). */
export function readText(field: string, value: unknown, rules: TextRules): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
  else throw new InvalidParamError({ field, rule: 'must be a string' });
  // Length in code points, so an emoji counts once, as the merchant would count it.
  const length = [...text].length;
  if (length > rules.maxLength) throw new InvalidParamError({ field, rule: `at most ${rules.maxLength} characters` });
  // Even in free-form text: PostgreSQL stores no NUL in a text column, and SQLite alone would take it.
  if (text.includes('\u0000')) throw new InvalidParamError({ field, rule: 'must not contain a NUL character' });
  if (rules.printable === true) {
    if (CONTROL_CHARACTERS.test(text))
      throw new InvalidParamError({ field, rule: 'must not contain control characters' });
    if (text.trim() === '') throw new InvalidParamError({ field, rule: 'must not be blank' });
  }
  return text;
}

/** Reads a required text field. */
export function readRequiredText<TBody extends RequestBody>(
  body: TBody,
  keys: readonly FieldOf<TBody>[],
  rules: TextRules,
): string {
  const found = pickField(body, keys);
  const field = keys[0] ?? 'field';
  if (found === null) throw new InvalidParamError({ field, rule: 'is required' });
  return readText(field, found.value, rules);
}

/** Reads an optional text field: absent → null. */
export function readOptionalText<TBody extends RequestBody>(
  body: TBody,
  keys: readonly FieldOf<TBody>[],
  rules: TextRules,
): string | null {
  const found = pickField(body, keys);
  return found === null ? null : readText(keys[0] ?? 'field', found.value, rules);
}

/**
 * Reads a decimal amount into base units of `decimals`. A JSON number is accepted only when its
 * shortest round-trip text is a plain decimal (JSON.parse has already made it a float; strings are
 * exact and preferred).
 */
export function readAmount(field: string, value: unknown, decimals: number): bigint {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else throw new InvalidParamError({ field, rule: 'must be a decimal string' });
  const parsed = parseAmount(text, decimals);
  if (!parsed.ok) throw new InvalidParamError({ field, rule: parsed.reason });
  return parsed.value;
}

/** Reads an optional whole number of seconds (a number or a digit string); absent → null. */
export function readOptionalSeconds<TBody extends RequestBody>(
  body: TBody,
  keys: readonly FieldOf<TBody>[],
): number | null {
  const found = pickField(body, keys);
  if (found === null) return null;
  const field = keys[0] ?? 'field';
  const { value } = found;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,12}$/.test(value)) return Number(value);
  throw new InvalidParamError({ field, rule: 'must be a whole number of seconds' });
}

const MAX_URL_LENGTH = 2048;

/** Reads an optional absolute http(s) URL (`parseHttpUrl`); absent → null. */
export function readOptionalUrl<TBody extends RequestBody>(
  body: TBody,
  keys: readonly FieldOf<TBody>[],
): string | null {
  const field = keys[0] ?? 'field';
  const text = readOptionalText(body, keys, { maxLength: MAX_URL_LENGTH, printable: true });
  if (text === null) return null;
  const parsed = parseHttpUrl(text);
  if (parsed.ok) return text;
  switch (parsed.reason) {
    case 'not_absolute':
      throw new InvalidParamError({ field, rule: 'must be an absolute http(s) URL' });
    case 'credentials':
      throw new InvalidParamError({ field, rule: 'must not carry credentials' });
  }
}
