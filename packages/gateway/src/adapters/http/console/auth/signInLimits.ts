import { createWindowRateLimiter } from '../../createWindowRateLimiter.ts';

/** Failed sign-ins under one name before it is locked… */
export const LOCK_AFTER_FAILURES = 5;
/** …for this long (kept in the database: a restart does not lift it). */
export const LOCK_FOR_MS = 15 * 60_000;

/** Sign-in posts (password or code) one client address may make per window. */
export const ADDRESS_ATTEMPTS = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

export type AddressLimit = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/**
 * Sign-in attempts per client address, in this process's memory (one guesser from one address
 * trying many names). Windows are aligned to the clock, so the time until the next one is known
 * and the refusal can say how long to wait.
 */
export function createAddressLimiter() {
  const limiter = createWindowRateLimiter({ limit: ADDRESS_ATTEMPTS, windowMs: ADDRESS_WINDOW_MS });
  return {
    take(address: string, nowMs: number): AddressLimit {
      const window = Math.floor(nowMs / ADDRESS_WINDOW_MS);
      if (limiter.tryTake(`${address} ${window}`, nowMs)) return { ok: true };
      return { ok: false, retryAfterMs: (window + 1) * ADDRESS_WINDOW_MS - nowMs };
    },
  };
}

/** "Too many attempts, try again in 12 minutes." */
export function describeRetry(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
