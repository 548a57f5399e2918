/** What one RPC endpoint answered when asked for its newest block. */
export type RpcProbe =
  | { readonly ok: true; readonly head: bigint; readonly latencyMs: number }
  | { readonly ok: false; readonly error: string; readonly latencyMs: number };

import { HttpExchangeError } from '../net/HttpExchangeError.ts';
import { sendHttpRequest } from '../net/sendHttpRequest.ts';

/** Answers past this are not worth waiting for on a page: the node is as good as down. */
export const RPC_PROBE_TIMEOUT_MS = 2_500;

// A block number is a few bytes; a node answering megabytes is not answering the question.
const PROBE_MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Asks an HTTP JSON-RPC endpoint (EVM, or java-tron's `/jsonrpc`) for `eth_blockNumber`, once, with
 * a short timeout: the console shows whether each configured node answers and how far its head is.
 * The error names what went wrong without echoing the URL, which may carry an API key.
 */
export async function probeRpcEndpoint(url: string, timeoutMs = RPC_PROBE_TIMEOUT_MS): Promise<RpcProbe> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  try {
    const answer = await sendHttpRequest(new URL(url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
      timeoutMs,
      maxResponseBytes: PROBE_MAX_RESPONSE_BYTES,
    });
    if (answer.status < 200 || answer.status > 299)
      return { ok: false, error: `HTTP ${answer.status}`, latencyMs: elapsed() };
    const reply = JSON.parse(answer.body.toString('utf8')) as {
      result?: unknown;
      error?: { message?: unknown };
    } | null;
    if (typeof reply?.result === 'string' && /^0x[0-9a-f]+$/i.test(reply.result)) {
      return { ok: true, head: BigInt(reply.result), latencyMs: elapsed() };
    }
    const message = typeof reply?.error?.message === 'string' ? reply.error.message.slice(0, 200) : 'no block number';
    return { ok: false, error: `RPC error: ${message}`, latencyMs: elapsed() };
  } catch (error) {
    const reason =
      error instanceof HttpExchangeError && error.kind === 'timeout'
        ? `no answer within ${timeoutMs} ms`
        : 'unreachable or not JSON-RPC';
    return { ok: false, error: reason, latencyMs: elapsed() };
  }
}
