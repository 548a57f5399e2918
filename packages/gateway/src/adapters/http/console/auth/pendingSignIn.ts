import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the code step of a sign-in may take after the password was right. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;

export type PendingSignIn = { readonly operatorId: string };

/**
 * Carries "the password was right" from the password step to the code step as a hidden field:
 * the operator id and a deadline under an HMAC keyed from the master key and bound to this
 * browser's pre-session token, so it cannot be forged, outlive five minutes, or move to another
 * browser. Nothing is stored for it.
 */
export function createPendingSignIns(masterKey: Uint8Array) {
  const key = createHmac('sha256', masterKey).update('kassa console pending sign-in v1').digest();
  const sign = (body: string, browserToken: string) =>
    createHmac('sha256', key).update(`${body}|${browserToken}`).digest('base64url');
  return {
    create(operatorId: string, browserToken: string, nowMs: number): string {
      const body = `${Buffer.from(operatorId).toString('base64url')}.${nowMs + PENDING_SIGN_IN_MS}`;
      return `${body}.${sign(body, browserToken)}`;
    },
    read(pending: string, browserToken: string, nowMs: number): PendingSignIn | null {
      const [id, deadline, mac, ...rest] = pending.split('.');
      if (id === undefined || deadline === undefined || mac === undefined || rest.length > 0) return null;
      const expected = Buffer.from(sign(`${id}.${deadline}`, browserToken));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      if (!(Number(deadline) > nowMs)) return null;
      return { operatorId: Buffer.from(id, 'base64url').toString() };
    },
  };
}
