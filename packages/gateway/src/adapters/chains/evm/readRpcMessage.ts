/** A message from a JSON-RPC websocket, as far as the socket client cares. */
export type RpcMessage =
  | { readonly kind: 'notification'; readonly subscription: unknown; readonly result: unknown }
  | {
      readonly kind: 'reply';
      readonly id: unknown;
      readonly result: unknown;
      readonly error: RpcErrorObject | undefined;
    }
  | { readonly kind: 'unreadable'; readonly error: unknown };

/** A JSON-RPC error object: `code` tells viem what kind of error it is. */
export type RpcErrorObject = { readonly code: number; readonly message: string; readonly data?: unknown };

/** Reads one websocket message: a subscription's notification, or the reply to a call. */
export function readRpcMessage(text: string): RpcMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', error };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { kind: 'unreadable', error: new Error('not a JSON-RPC object') };
  }
  const { id, method, params, result, error } = message as Record<string, unknown>;
  if (method === 'eth_subscription' && typeof params === 'object' && params !== null) {
    const { subscription, result: data } = params as Record<string, unknown>;
    return { kind: 'notification', subscription, result: data };
  }
  const isError = typeof error === 'object' && error !== null && typeof (error as RpcErrorObject).code === 'number';
  return { kind: 'reply', id, result, error: isError ? (error as RpcErrorObject) : undefined };
}
