import { timingSafeEqual } from 'node:crypto';

/** Whether a posted form (`URLSearchParams`) carries `expected` as its `_csrf` field. */
export function hasCsrfToken(body: unknown, expected: string): boolean {
  if (!(body instanceof URLSearchParams)) return false;
  const sent = Buffer.from(body.get('_csrf') ?? '', 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  // Constant time, so response times do not reveal how much of a guess was right.
  return sent.length === wanted.length && timingSafeEqual(sent, wanted);
}
