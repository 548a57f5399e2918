import {
  custom,
  HttpRequestError,
  ResponseBodyTooLargeError,
  RpcRequestError,
  TimeoutError,
  type Transport,
} from 'viem';
import { createHttpRpcEndpoint, type HttpRpcEndpointOptions } from './createHttpRpcEndpoint.ts';
import { RpcCallError } from './RpcCallError.ts';

/** What viem's errors take as the request body. */
type ErrorBody = { [key: string]: unknown };

/**
 * A viem transport over `createHttpRpcEndpoint`, for the viem clients of the sweep and the sandbox:
 * viem's own `http` transport builds a `fetch` `Request` for every call and so loads undici. Its
 * failures become viem's errors (`RpcRequestError`, `HttpRequestError`, `TimeoutError`), so viem's
 * retries and `fallback` treat them as they treat those of its own transport.
 */
export function createHttpRpcTransport(url: string, options: HttpRpcEndpointOptions): Transport {
  const endpoint = createHttpRpcEndpoint(url, options);
  return custom(
    {
      request: async ({ method, params }) => {
        try {
          return await endpoint.request(method, params as readonly unknown[] | undefined);
        } catch (error) {
          throw toViemError(error, { method, params }, url, options.maxResponseBytes);
        }
      },
    },
    { key: 'http', name: 'HTTP JSON-RPC' },
  );
}

function toViemError(error: unknown, body: ErrorBody, url: string, maxSize: number): Error {
  if (!(error instanceof RpcCallError)) return new HttpRequestError({ body, cause: error as Error, url });
  if (error.rpcError !== null) return new RpcRequestError({ body, error: error.rpcError, url });
  if (error.kind === 'timeout') return new TimeoutError({ body, url });
  if (error.kind === 'too_large') return new ResponseBodyTooLargeError({ maxSize, size: maxSize + 1 });
  return new HttpRequestError({
    body,
    cause: error,
    details: error.message,
    ...(error.status === null ? {} : { status: error.status }),
    url,
  });
}
