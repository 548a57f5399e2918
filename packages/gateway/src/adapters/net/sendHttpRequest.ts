import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { HttpExchangeError } from './HttpExchangeError.ts';

export type HttpRequest = {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Covers the whole exchange: connect, headers and body. */
  readonly timeoutMs: number;
  /** Largest body read; past it the connection is dropped and the call fails with `too_large`. */
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal | undefined;
};

export type HttpAnswer = {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
};

/** `sendHttpRequest`'s shape, for callers that let tests watch or replace it. */
export type SendHttpRequest = (url: URL, request: HttpRequest) => Promise<HttpAnswer>;

// Kept-alive connections: an RPC node or an exchange is asked every few seconds for years.
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

/**
 * One HTTP request on `node:http`, its whole body read. The gateway's outgoing calls (RPC nodes,
 * exchanges, TRON's HTTP API) go through here rather than the global `fetch`: the first `fetch` or
 * `Request` of a process loads undici and compiles its parser, about 11 MB of memory an idle
 * gateway does not otherwise need (docs/benchmarks.md, "Memory"). Redirects are not followed.
 * User and password in the URL become a Basic `authorization` header (`node:http` does this).
 */
export const sendHttpRequest: SendHttpRequest = (url, request) =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const agent = url.protocol === 'https:' || url.protocol === 'http:' ? AGENTS[url.protocol] : undefined;
    if (agent === undefined) {
      reject(new HttpExchangeError('network', `unsupported URL scheme ${url.protocol}`));
      return;
    }
    let status: number | null = null;
    const fail = (kind: HttpExchangeError['kind'], message: string, cause?: unknown) => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      outgoing.destroy();
      reject(new HttpExchangeError(kind, message, { cause, status }));
    };
    const onAbort = () => fail('aborted', 'aborted', request.signal?.reason);
    const outgoing = (url.protocol === 'https:' ? https : http).request(url, {
      agent,
      method: request.method ?? 'GET',
      headers: request.headers,
    });
    // Listened to first: a request destroyed below still emits its error, which must not go unheard.
    outgoing.on('error', (error) => fail('network', error.message, error));
    const timer = setTimeout(() => fail('timeout', `no answer within ${request.timeoutMs} ms`), request.timeoutMs);
    if (request.signal?.aborted === true) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('response', (incoming) => {
      status = incoming.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > request.maxResponseBytes)
          return fail('too_large', `body larger than ${request.maxResponseBytes} bytes`);
        chunks.push(chunk);
      });
      incoming.on('error', (error) => fail('network', error.message, error));
      incoming.on('end', () => {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        resolve({ status: status ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) });
      });
    });
    outgoing.end(request.body);
  });
