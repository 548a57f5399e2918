import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { GuardedAgent } from './createGuardedAgent.ts';
import { ForbiddenWebhookTargetError } from './ForbiddenWebhookTargetError.ts';

export type PostWebhookParameters = {
  readonly url: string;
  /** The exact bytes that were signed; sent as is. */
  readonly body: string;
  /** Content-Type, Appid, Timestamp, Sign: built fresh by the caller for every attempt. */
  readonly headers: Readonly<Record<string, string>>;
  /** Covers connect, response headers and the body read. Default 10 000 (spec §7). */
  readonly timeoutMs?: number;
  /** The agents to send through: the ones from `createGuardedAgent`. */
  readonly agent: GuardedAgent;
  /** Length of `responseExcerpt` in bytes. Default 1024. */
  readonly maxResponseBytes?: number;
  /** Aborting it cuts the attempt short: a stopping dispatcher whose grace period is over. */
  readonly signal?: AbortSignal;
};

/** The outcome of one attempt, ready to be stored as an attempt row. */
export type PostWebhookReturnType = {
  /** HTTP 200 and a body containing `success` in any case (spec §7). */
  readonly delivered: boolean;
  /** Null when no response arrived. */
  readonly statusCode: number | null;
  readonly latencyMs: number;
  /** Short and operator-readable (`timeout after 10000 ms`, `HTTP 500`); null when delivered. */
  readonly error: string | null;
  /** The start of the response body as text, for the operator; empty when there was none. */
  readonly responseExcerpt: string;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024;
// Acknowledgements are a word; reading more would only let a merchant make us buffer megabytes.
const SUCCESS_SCAN_BYTES = 4096;
const MAX_LOCATION_CHARS = 200;

/**
 * Sends one webhook attempt and reports what happened; never throws for a failed delivery.
 * Redirects are not followed: a 3xx is a failed attempt.
 */
export async function postWebhook({
  url,
  body,
  headers,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  agent,
  maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
  signal,
}: PostWebhookParameters): Promise<PostWebhookReturnType> {
  const startedAt = performance.now();
  const latencyMs = (): number => Math.round(performance.now() - startedAt);
  const failed = (error: string, statusCode: number | null = null, responseExcerpt = ''): PostWebhookReturnType => ({
    delivered: false,
    statusCode,
    latencyMs: latencyMs(),
    error,
    responseExcerpt,
  });

  const target = parseTarget(url);
  if (typeof target === 'string') return failed(target);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const cut = (): void => controller.abort();
  if (signal?.aborted === true) cut();
  signal?.addEventListener('abort', cut, { once: true });
  let statusCode: number | null = null;
  try {
    const response = await send(target, body, headers, agent, controller.signal);
    statusCode = response.statusCode ?? 0;
    const bytes = await readPrefix(response, Math.max(SUCCESS_SCAN_BYTES, maxResponseBytes));
    const excerpt = decodeExcerpt(bytes.subarray(0, maxResponseBytes));
    if (statusCode === 200) {
      // latin1 maps each byte to one character, so only the ASCII word can match.
      if (/success/i.test(bytes.subarray(0, SUCCESS_SCAN_BYTES).toString('latin1'))) {
        return { delivered: true, statusCode, latencyMs: latencyMs(), error: null, responseExcerpt: excerpt };
      }
      return failed('HTTP 200 without "success" in the body', statusCode, excerpt);
    }
    if (statusCode >= 300 && statusCode < 400) {
      const location = response.headers.location;
      const where = typeof location === 'string' ? ` to ${location.slice(0, MAX_LOCATION_CHARS)}` : '';
      return failed(`HTTP ${statusCode} redirect${where} not followed`, statusCode, excerpt);
    }
    return failed(`HTTP ${statusCode}`, statusCode, excerpt);
  } catch (error) {
    if (signal?.aborted === true) return failed('cut short before an answer', statusCode);
    if (controller.signal.aborted) return failed(`timeout after ${timeoutMs} ms`, statusCode);
    return failed(describeError(error), statusCode);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cut);
  }
}

/** POSTs the body and resolves with the response once its headers are in; `signal` destroys it all. */
function send(
  url: URL,
  body: string,
  headers: Readonly<Record<string, string>>,
  agent: GuardedAgent,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: agent.agentFor(url),
      signal,
    });
    outgoing.on('error', reject);
    outgoing.on('response', resolve);
    outgoing.end(body);
  });
}

/** The URL to send to, or why there is none. */
function parseTarget(url: string): URL | string {
  if (!URL.canParse(url)) return 'invalid URL';
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `unsupported URL scheme ${parsed.protocol}`;
  return parsed;
}

async function readPrefix(stream: AsyncIterable<Buffer> & { destroy(): unknown }, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
    // Leaving the loop destroys the stream: the rest of a long body is never read.
    if (length >= limit) break;
  }
  return Buffer.concat(chunks, length).subarray(0, limit);
}

function decodeExcerpt(bytes: Uint8Array): string {
  // `stream: true` holds back a character cut in half at the limit instead of printing U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes, { stream: true });
  // A NUL shows as U+FFFD, like a byte that is not UTF-8: PostgreSQL stores no NUL in text, and an
  // attempt it cannot record would be sent again and again.
  return text.replaceAll('\u0000', '\uFFFD');
}

const ERROR_CODE_PHRASES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  EAI_NODATA: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connect timeout',
  HPE_HEADER_OVERFLOW: 'response headers too large',
  HPE_INVALID_CONSTANT: 'invalid HTTP response',
};

function describeError(error: unknown): string {
  for (
    let current: unknown = error, depth = 0;
    current instanceof Error && depth < 5;
    current = current.cause, depth++
  ) {
    if (current instanceof ForbiddenWebhookTargetError) return `forbidden target: ${current.message}`;
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    const phrase = ERROR_CODE_PHRASES[code];
    if (phrase !== undefined) return phrase;
    // OpenSSL's verification codes (`DEPTH_ZERO_SELF_SIGNED_CERT`, ...) have no common prefix.
    if (/TLS|SSL|CERT|VERIFY/.test(code)) return `TLS error (${code})`;
    if (code.startsWith('HPE_')) return `invalid HTTP response (${code})`;
    return `request failed (${code})`;
  }
  return 'request failed';
}
