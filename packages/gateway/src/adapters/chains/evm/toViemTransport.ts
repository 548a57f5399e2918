import { custom, HttpRequestError, RpcRequestError, TimeoutError, type Transport } from 'viem';
import type { RpcEndpoint } from './createHttpRpcEndpoint.ts';
import { RpcCallError } from './RpcCallError.ts';

/** What viem's errors take as the request body. */
type ErrorBody = { [key: string]: unknown };

/**
 * One of our RPC endpoints (HTTP or websocket) as a viem transport, for the viem clients of the
 * sweep and the sandbox: viem's own `http` transport builds a `fetch` `Request` for every call and
 * so loads undici. An `RpcCallError` becomes viem's own error (`RpcRequestError`,
 * `TimeoutError`, `HttpRequestError`), so viem's retries and `fallback` treat it as they treat
 * those of its own transports; a socket's errors already carry the `code` viem reads.
 */
export function toViemTransport(endpoint: RpcEndpoint): Transport {
  return custom(
    {
      request: async ({ method, params }) => {
        try {
          return await endpoint.request(method, params as readonly unknown[] | undefined);
        } catch (error) {
          throw error instanceof RpcCallError ? toViemError(error, { method, params }) : error;
        }
      },
    },
    { name: 'Kassa JSON-RPC' },
  );
}

function toViemError(error: RpcCallError, body: ErrorBody): Error {
  const { url } = error;
  if (error.rpcError !== null) return new RpcRequestError({ body, error: error.rpcError, url });
  if (error.kind === 'timeout') return new TimeoutError({ body, url });
  return new HttpRequestError({
    body,
    cause: error,
    details: error.message,
    ...(error.status === null ? {} : { status: error.status }),
    url,
  });
}
