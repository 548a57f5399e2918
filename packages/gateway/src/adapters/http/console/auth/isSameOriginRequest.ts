import type { FastifyRequest } from 'fastify';

/**
 * Whether a form post comes from the console's own pages. A browser that sends `Sec-Fetch-Site`
 * is taken at its word: it is the one header a page cannot shape, and `Origin` is `null` on every
 * post from our pages, which send `Referrer-Policy: no-referrer`. Without it (an older browser),
 * `Origin` must be ours when present. A request naming neither (curl) passes here and still needs
 * the CSRF token. The configured public URL counts as our origin too: behind a TLS proxy the
 * request itself arrives as plain HTTP.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `${request.protocol}://${request.host}` || origin === new URL(publicUrl).origin;
}
