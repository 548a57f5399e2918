import type { FastifyRequest } from 'fastify';

/**
 * Whether a form post comes from the console's own pages. Browsers name the sending site in
 * `Sec-Fetch-Site` and `Origin`; a post another site makes is refused even before its CSRF token is
 * compared. A request naming neither (curl, an old browser) passes here and still needs the token.
 * The configured public URL counts as our origin too: behind a TLS proxy the request itself
 * arrives as plain HTTP.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `${request.protocol}://${request.host}` || origin === new URL(publicUrl).origin;
}
