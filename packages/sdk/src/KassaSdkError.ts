/** Options every SDK error accepts: the lower-level error that caused it, if any. */
export type KassaSdkErrorOptions = { cause?: unknown };

/**
 * Base class of every error the SDK throws, so callers can tell SDK failures apart with one
 * `instanceof` check. Messages are short and never contain the app secret.
 */
export class KassaSdkError extends Error {
  override name = 'KassaSdkError';

  constructor(message: string, options: KassaSdkErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
  }
}
