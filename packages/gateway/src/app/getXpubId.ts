import { createHash } from 'node:crypto';

/** The short, stable name of an xpub's address counter: never the key itself, which stays in config. */
export function getXpubId(xpub: string): string {
  return createHash('sha256').update(xpub).digest('hex').slice(0, 16);
}
