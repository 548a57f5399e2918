/** The parsed URL, or why the text is not an absolute http(s) URL naming a host. */
export type ParseHttpUrlResult =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly reason: 'not_absolute' | 'credentials' };

// The WHATWG parser is forgiving: it reads `http:evil.example`, `https:/evil.example`,
// `http:///evil.example` and `http:\\evil.example` as URLs with a host, while a browser given
// the first one as a link resolves it against the current page. Only text that spells out
// `scheme://authority` means the same host to every reader.
const ABSOLUTE_FORM = /^https?:\/\/([^/\\?#]*)/i;

/**
 * Parses a URL the merchant gives Kassa to send a buyer or a webhook to: `http://` or `https://`
 * literally, then a host the WHATWG parser accepts, and no user name or password.
 */
export function parseHttpUrl(text: string): ParseHttpUrlResult {
  const authority = ABSOLUTE_FORM.exec(text)?.[1];
  // Leading or trailing space is dropped by the parser, and would hide a different text from review.
  if (authority === undefined || authority === '' || text.trim() !== text || !URL.canParse(text)) {
    return { ok: false, reason: 'not_absolute' };
  }
  const url = new URL(text);
  if (url.hostname === '') return { ok: false, reason: 'not_absolute' };
  // `https://@host/` has empty credentials that the parser drops: still a credentials form.
  if (authority.includes('@') || url.username !== '' || url.password !== '')
    return { ok: false, reason: 'credentials' };
  return { ok: true, url };
}
