import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie a browser gets when an operator signs in with it (sent to the sign-in pages alone). */
export const KNOWN_DEVICE_COOKIE = 'kassa_console_device';

/** How long a browser stays known after its last sign-in: each sign-in renews it. */
export const KNOWN_DEVICE_MS = 180 * 24 * 60 * 60_000;

/**
 * Remembers the browsers an operator has signed in with, so a stranger who fails sign-ins under
 * that name on purpose locks out other strangers, not the operator: the lock of a name (5 failures,
 * 15 minutes) is not applied to a browser that proves it signed in under that name before. It
 * still needs the password (and code), and the limit per client address still applies to it.
 *
 * The cookie holds the name and an expiry under an HMAC keyed from the master key: it cannot be
 * forged or moved to another name, and nothing is stored for it.
 */
export function createKnownDevices(masterKey: Uint8Array) {
  const key = createHmac('sha256', masterKey).update('kassa console known device v1').digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    /** The cookie value that marks this browser as one `name` signed in with, until the expiry. */
    issue(name: string, nowMs: number): string {
      const body = `${Buffer.from(name).toString('base64url')}.${nowMs + KNOWN_DEVICE_MS}`;
      return `${body}.${sign(body)}`;
    },
    /** Whether `cookie` (as sent, or undefined) proves an earlier sign-in under `name`, unexpired. */
    recognizes(cookie: string | undefined, name: string, nowMs: number): boolean {
      const [encodedName, expiry, mac, ...rest] = (cookie ?? '').split('.');
      if (encodedName === undefined || expiry === undefined || mac === undefined || rest.length > 0) return false;
      const expected = Buffer.from(sign(`${encodedName}.${expiry}`));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      return Buffer.from(encodedName, 'base64url').toString() === name && Number(expiry) > nowMs;
    },
  };
}

/** The `Set-Cookie` value carrying a known-device mark; HttpOnly, same-site only, Secure over TLS. */
export function formatKnownDeviceCookie(value: string, secure: boolean): string {
  const parts = [
    `${KNOWN_DEVICE_COOKIE}=${value}`,
    'Path=/console/sign-in',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(KNOWN_DEVICE_MS / 1000)}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
