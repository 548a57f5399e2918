import { HttpExchangeError } from '../../net/HttpExchangeError.ts';
import { type HttpAnswer, type SendHttpRequest, sendHttpRequest } from '../../net/sendHttpRequest.ts';
import { RpcCallError } from './RpcCallError.ts';

export type HttpRpcEndpointOptions = {
  /** Per HTTP request (one batch). */
  readonly timeoutMs: number;
  /** Most JSON-RPC requests in one HTTP batch. */
  readonly batchSize: number;
  readonly maxResponseBytes: number;
  /** Default `sendHttpRequest`; tests watch it. */
  readonly send?: SendHttpRequest;
};

/** One JSON-RPC endpoint: a call, answered with the node's `result` or rejected with `RpcCallError`. */
export type RpcEndpoint = {
  readonly url: string;
  request(method: string, params?: readonly unknown[]): Promise<unknown>;
};

type RpcBody = { readonly jsonrpc: '2.0'; readonly id: number; readonly method: string; readonly params: unknown };
type RpcReply = { readonly id?: unknown; readonly result?: unknown; readonly error?: RpcErrorReply };
type RpcErrorReply = { readonly code: number; readonly message?: unknown; readonly data?: unknown };
type Pending = { readonly body: RpcBody; resolve(result: unknown): void; reject(error: unknown): void };

let nextId = 1;

/**
 * A JSON-RPC client of one HTTP URL on `node:http` (not `fetch`: see `sendHttpRequest`). The calls
 * made in one turn of the event loop (a scan's per-block reads) go out as one batch of at most
 * `batchSize`, each HTTP request times out, and a body past `maxResponseBytes` is refused.
 */
export function createHttpRpcEndpoint(url: string, options: HttpRpcEndpointOptions): RpcEndpoint {
  const target = new URL(url);
  const send = options.send ?? sendHttpRequest;
  let queue: Pending[] = [];

  const flush = () => {
    const due = queue;
    queue = [];
    for (let start = 0; start < due.length; start += options.batchSize)
      void post(due.slice(start, start + options.batchSize));
  };

  const post = async (batch: readonly Pending[]) => {
    let replies: readonly RpcReply[];
    try {
      replies = await exchange(batch.length === 1 ? batch[0]?.body : batch.map((pending) => pending.body));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const byId = new Map(replies.map((reply) => [reply.id, reply]));
    // A node that refuses a whole batch answers one error with no id: it applies to every request.
    const whole = replies.find((reply) => reply.id === null || reply.id === undefined);
    for (const pending of batch) {
      const reply = byId.get(pending.body.id) ?? whole;
      if (reply?.error !== undefined) pending.reject(rpcError(url, reply.error));
      else if (reply === undefined || !('result' in reply))
        pending.reject(
          new RpcCallError({ kind: 'http', url, detail: `no answer to ${pending.body.method} in the batch` }),
        );
      else pending.resolve(reply.result);
    }
  };

  const exchange = async (body: unknown): Promise<readonly RpcReply[]> => {
    let answer: HttpAnswer;
    try {
      answer = await send(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: options.timeoutMs,
        maxResponseBytes: options.maxResponseBytes,
      });
    } catch (error) {
      const kind = error instanceof HttpExchangeError && error.kind !== 'aborted' ? error.kind : 'network';
      throw new RpcCallError({ kind, url, detail: (error as Error).message }, { cause: error });
    }
    const text = answer.body.toString('utf8');
    const parsed = parseJson(text);
    const replies = (Array.isArray(parsed) ? parsed : [parsed]).filter(isReply);
    // As viem did: a non-2xx answer that carries JSON-RPC errors is an RPC error, anything else an HTTP one.
    const ok = answer.status >= 200 && answer.status < 300;
    if (replies.length === 0 || (!ok && !replies.some((reply) => reply.error !== undefined))) {
      const detail = `HTTP ${answer.status}, not a JSON-RPC answer: ${JSON.stringify(text.slice(0, 120))}`;
      throw new RpcCallError({ kind: 'http', url, detail, status: answer.status });
    }
    return replies;
  };

  return {
    url,
    request: (method, params = []) =>
      new Promise((resolve, reject) => {
        if (queue.length === 0) setTimeout(flush, 0);
        queue.push({ body: { jsonrpc: '2.0', id: nextId++, method, params }, resolve, reject });
      }),
  };
}

function rpcError(url: string, error: RpcErrorReply): RpcCallError {
  const message = typeof error.message === 'string' ? error.message : 'no message';
  const rpcError = { code: error.code, message, ...(error.data === undefined ? {} : { data: error.data }) };
  return new RpcCallError({ kind: 'rpc', url, detail: `${message.slice(0, 300)} (${error.code})`, rpcError });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isReply(value: unknown): value is RpcReply {
  if (typeof value !== 'object' || value === null) return false;
  const { error } = value as { error?: unknown };
  if (error === undefined) return 'result' in value;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';
}
