import { SweepError } from '../../core/sweep/SweepError.ts';

type ViemLikeError = Error & { shortMessage?: unknown; details?: unknown; url?: unknown };

/**
 * Turns a failed RPC call of a sweep step (viem's errors: a dead node, a refused request, a timeout)
 * into a one-line SweepError naming what failed and the node's origin: not viem's page of request
 * bodies and stack. Only the origin is shown, since hosted RPC URLs often carry an API key in their
 * path. Anything else is returned as it was.
 */
export function explainRpcFailure(error: unknown): unknown {
  const failure = error as ViemLikeError;
  // viem's errors carry a short message and end their long one with the library's version.
  const isViemError = typeof failure?.shortMessage === 'string' && /Version: viem@/.test(String(failure.message));
  if (!isViemError) return error;
  const what = typeof failure.shortMessage === 'string' ? failure.shortMessage : failure.message;
  const details = typeof failure.details === 'string' && failure.details !== '' ? ` (${failure.details})` : '';
  const url = findUrl(failure);
  const where = url === undefined ? '' : ` at ${url}`;
  return new SweepError(
    `the RPC node${where} failed: ${what.replace(/\.$/, '')}${details}; nothing was lost, run the step again`,
    {
      cause: error,
    },
  );
}

function findUrl(error: ViemLikeError): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const url = (e as ViemLikeError).url;
    if (typeof url === 'string') {
      try {
        return new URL(url).origin;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
