/**
 * Makes an `order_id` / `record_id`: a 33-digit, time-sortable string like CCPayment's
 * (`yyyyMMddHHmmss` in UTC, then 19 random digits). Randomness comes in, so this stays pure.
 */
export function createId(nowMs: number, randomDigits: string): string {
  if (!/^\d{19}$/.test(randomDigits)) throw new RangeError('createId needs exactly 19 random digits');
  const t = new Date(nowMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    pad(t.getUTCFullYear(), 4) +
    pad(t.getUTCMonth() + 1) +
    pad(t.getUTCDate()) +
    pad(t.getUTCHours()) +
    pad(t.getUTCMinutes()) +
    pad(t.getUTCSeconds()) +
    randomDigits
  );
}
