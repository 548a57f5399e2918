import { BaseError, type BaseErrorOptions } from '../../../core/BaseError.ts';

/**
 * How an RPC call failed: the node answered a JSON-RPC error (`rpc`, with its `code`), answered
 * something that is not JSON-RPC (`http`, with its status), gave no answer in time, sent too much,
 * or could not be reached.
 */
/** A JSON-RPC error as a node sends it. */
export type JsonRpcErrorObject = { readonly code: number; readonly message: string; readonly data?: unknown };

export type RpcCallFailure = 'rpc' | 'http' | 'timeout' | 'too_large' | 'network';

/**
 * A failed JSON-RPC call. `url` names the endpoint, so the watcher's metrics can count errors
 * per endpoint (by host only: the URL itself often holds an API key).
 */
export class RpcCallError extends BaseError {
  override readonly name = 'RpcCallError';
  readonly kind: RpcCallFailure;
  readonly url: string;
  /** The node's JSON-RPC error (`rpc`), else null. */
  readonly rpcError: JsonRpcErrorObject | null;
  /** The HTTP status, when one came. */
  readonly status: number | null;

  constructor(
    p: { kind: RpcCallFailure; url: string; detail: string; rpcError?: JsonRpcErrorObject; status?: number | null },
    options: BaseErrorOptions = {},
  ) {
    const where = URL.canParse(p.url) ? new URL(p.url).host : 'unknown';
    super(`RPC ${where}: ${p.detail}`, options);
    this.kind = p.kind;
    this.url = p.url;
    this.rpcError = p.rpcError ?? null;
    this.status = p.status ?? null;
  }

  /** The JSON-RPC error code, when the node answered one. */
  get code(): number | null {
    return this.rpcError?.code ?? null;
  }
}
