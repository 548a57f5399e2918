import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasCsrfToken } from './hasCsrfToken.ts';
import { isSameOriginRequest } from './isSameOriginRequest.ts';
import { isSecureRequest } from './isSecureRequest.ts';
import { readCookie } from './readCookie.ts';

/**
 * The cookie of the forms before sign-in (sign-in, code, set password), which have no session to
 * hold a CSRF token: the page sets a random token as this cookie and as a hidden field, and a post
 * must bring both, equal (double submit). Another site can make a browser post, but cannot read
 * or set our cookie, so it cannot make the two agree.
 */
export const PRE_SESSION_COOKIE = 'kassa_console_pre';

/** The pre-session token of this browser, set as a cookie when it has none yet. */
export function ensurePreSessionToken(request: FastifyRequest, reply: FastifyReply, publicUrl: string): string {
  const current = readCookie(request.headers.cookie, PRE_SESSION_COOKIE);
  if (current !== undefined && /^[\w-]{32}$/.test(current)) return current;
  const token = randomBytes(24).toString('base64url');
  const secure = isSecureRequest(request, publicUrl) ? '; Secure' : '';
  reply.header('set-cookie', `${PRE_SESSION_COOKIE}=${token}; Path=/console; HttpOnly; SameSite=Strict${secure}`);
  return token;
}

/** Whether a pre-session form post came from our own origin with the cookie's token in its field. */
export function hasPreSessionToken(request: FastifyRequest, publicUrl: string): boolean {
  const cookie = readCookie(request.headers.cookie, PRE_SESSION_COOKIE);
  if (cookie === undefined || cookie === '') return false;
  return isSameOriginRequest(request, publicUrl) && hasCsrfToken(request.body, cookie);
}
