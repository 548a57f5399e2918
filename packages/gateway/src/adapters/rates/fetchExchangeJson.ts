import { HttpExchangeError } from '../net/HttpExchangeError.ts';
import { type HttpAnswer, type SendHttpRequest, sendHttpRequest } from '../net/sendHttpRequest.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { RateFetchError } from './RateFetchError.ts';

export type FetchExchangeJsonParameters = {
  readonly source: ExchangeName;
  readonly baseUrl: string;
  /** Relative to `baseUrl`, without a leading slash, so a base URL with a path prefix keeps it. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Default: `sendHttpRequest`; tests pass a watched one. */
  readonly send?: SendHttpRequest | undefined;
  /** Covers the whole exchange: connect, headers and body. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
};

// A ticker answer is a few kilobytes; anything far larger is not what we asked for.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * GETs one public market-data URL and returns its parsed JSON body; every failure (no answer in
 * time, non-2xx, 429/418 with its `Retry-After`, a body that is not JSON) becomes a `RateFetchError`.
 */
export async function fetchExchangeJson({
  source,
  baseUrl,
  path,
  query = {},
  send = sendHttpRequest,
  timeoutMs,
  signal,
}: FetchExchangeJsonParameters): Promise<unknown> {
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  let answer: HttpAnswer;
  try {
    // A market-data endpoint that redirects is misconfigured or hijacked: the redirect is not followed
    // and its 3xx fails below as a non-2xx answer.
    answer = await send(url, {
      headers: { accept: 'application/json', 'user-agent': 'kassa-rates' },
      timeoutMs,
      maxResponseBytes: MAX_BODY_BYTES,
      signal,
    });
  } catch (error) {
    if (error instanceof HttpExchangeError && error.kind === 'too_large') {
      throw new RateFetchError({
        source,
        kind: 'malformed',
        status: error.status,
        detail: `body larger than ${MAX_BODY_BYTES} bytes`,
      });
    }
    const detail =
      error instanceof HttpExchangeError && error.kind === 'timeout'
        ? `no answer within ${timeoutMs} ms`
        : signal?.aborted === true
          ? 'aborted'
          : 'request failed';
    throw new RateFetchError({ source, kind: 'network', status: null, detail, cause: error });
  }
  const { status } = answer;
  const text = answer.body.toString('utf8');
  const retryAfter = firstHeader(answer.headers['retry-after']);
  const body = parseJsonOrUndefined(text);
  if (status === 429 || status === 418) {
    // Binance answers 418 once an IP kept going after 429s: an automated ban with the same header.
    throw new RateFetchError({
      source,
      kind: 'rate_limited',
      status,
      retryAfterMs: parseRetryAfterMs(retryAfter, Date.now()),
      detail: pickErrorDetail(body),
    });
  }
  if (status < 200 || status > 299) {
    throw new RateFetchError({ source, kind: 'http', status, detail: pickErrorDetail(body) });
  }
  if (body === undefined) {
    throw new RateFetchError({ source, kind: 'malformed', status, detail: 'body is not JSON' });
  }
  return body;
}

function firstHeader(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Translated, not swallowed: the caller reports an unreadable body with the status it came with.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

// `Retry-After` is delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable.
function parseRetryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) * 1000;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return null;
  return Math.max(0, dateMs - nowMs);
}

// Binance says `{code, msg}`, Coinbase `{message}`, Kraken `{error: [..]}`; keep whichever is there.
function pickErrorDetail(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { msg, message, error } = body as { msg?: unknown; message?: unknown; error?: unknown };
  if (typeof msg === 'string') return msg;
  if (typeof message === 'string') return message;
  if (Array.isArray(error) && error.every((item) => typeof item === 'string')) return error.join('; ');
  return undefined;
}
