/** A fetch `Headers`, a plain object, or node's `IncomingHttpHeaders`; names are case-insensitive. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The signing headers as received; each undefined when absent or empty. */
export type ReadSignedHeadersReturnType = {
  appId: string | undefined;
  timestamp: string | undefined;
  sign: string | undefined;
};

/**
 * Reads `Appid`, `Timestamp` and `Sign` from request or response headers, case-insensitively.
 *
 * @example
 * const { appId, timestamp, sign } = readSignedHeaders(req.headers);
 */
export function readSignedHeaders(headers: WebhookHeaders): ReadSignedHeadersReturnType {
  return {
    appId: getHeader(headers, 'appid'),
    timestamp: getHeader(headers, 'timestamp'),
    sign: getHeader(headers, 'sign'),
  };
}

/** First value of a header, by case-insensitive name; undefined when absent or empty. */
function getHeader(headers: WebhookHeaders, lowerName: string): string | undefined {
  if (headers instanceof Headers) {
    const value = headers.get(lowerName);
    return value === null || value === '' ? undefined : value;
  }
  // Node's request headers are keyed in lower case: one lookup, and the scan of every header
  // (which a server pays three times per request) only for plain objects written by hand.
  const direct = firstValueOf(headers[lowerName]);
  if (direct !== undefined) return direct;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== lowerName) continue;
    const first = firstValueOf(value);
    if (first !== undefined) return first;
  }
  return undefined;
}

/** Node joins repeated headers for most names but keeps arrays for some; the first one counts. */
function firstValueOf(value: string | readonly string[] | undefined): string | undefined {
  const first = typeof value === 'string' ? value : value?.[0];
  return first === undefined || first === '' ? undefined : first;
}
