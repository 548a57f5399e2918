import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a bearer token. Only this is stored: the tokens carry 256 (sessions) or 144
 * (links) random bits, so a fast hash is enough, and a stolen database holds nothing to replay.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
