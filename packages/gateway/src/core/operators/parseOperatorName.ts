export type ParsedOperatorName = { readonly ok: true; readonly name: string } | { readonly ok: false };

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * An operator name as stored: trimmed and lowercased (so `Alice` and `alice` are one operator),
 * 1–64 characters of letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export function parseOperatorName(text: string): ParsedOperatorName {
  const name = text.trim().toLowerCase();
  return NAME.test(name) ? { ok: true, name } : { ok: false };
}
