import { timingSafeEqual } from 'node:crypto';
import { computeTotp, TOTP_STEP_MS } from './computeTotp.ts';

/**
 * The time step whose code `code` is, looking one step either side of `nowMs` (a phone's clock a
 * little off, a code typed as it turned); null when none matches. The caller refuses a step that
 * was used before, so one code signs in once.
 */
export function verifyTotp(secret: Uint8Array, code: string, nowMs: number): number | null {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const current = Math.floor(nowMs / TOTP_STEP_MS);
  let found: number | null = null;
  // Every candidate is compared, in constant time, so the time taken does not say which matched.
  for (const step of [current - 1, current, current + 1]) {
    if (timingSafeEqual(Buffer.from(computeTotp(secret, step)), Buffer.from(typed))) found = step;
  }
  return found;
}
