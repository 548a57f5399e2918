/** What every gateway error accepts besides its message: the lower-level error that led to it. */
export type BaseErrorOptions = { readonly cause?: unknown };

/**
 * The root of every error the gateway defines, so a log can follow `cause` from what failed to
 * why. `KassaError` (a merchant-facing result code) is one branch; configuration, command-line and
 * adapter errors extend this class directly. It lives in `core/` because every layer may import it.
 */
export class BaseError extends Error {
  override readonly name: string = 'BaseError';

  constructor(message: string, { cause }: BaseErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
  }
}
