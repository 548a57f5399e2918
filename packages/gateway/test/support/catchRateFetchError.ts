import { RateFetchError } from '../../src/adapters/rates/RateFetchError.ts';

/** The `RateFetchError` a fetch rejects with; anything else (a success included) fails the test. */
export async function catchRateFetchError(promise: Promise<unknown>): Promise<RateFetchError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof RateFetchError) return error;
  throw new Error(`expected a RateFetchError, got ${String(error)}`);
}
