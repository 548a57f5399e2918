import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from './consoleSessionLimits.ts';

/**
 * The `Set-Cookie` value of a session token (or of its removal with null). HttpOnly keeps it from
 * scripts, SameSite=Strict from other sites' requests, Path=/console from the checkout and API;
 * Secure over TLS (see `isSecureRequest`), so a plain-HTTP `kassa dev` still signs in.
 */
export function formatSessionCookie(token: string | null, secure: boolean): string {
  const maxAge = token === null ? 0 : Math.floor(SESSION_ABSOLUTE_MS / 1000);
  const parts = [
    `${SESSION_COOKIE}=${token ?? ''}`,
    'Path=/console',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAge}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
