import type { FastifyRequest } from 'fastify';

/**
 * Whether the console's cookies get `Secure`: the request came over TLS, or the configured public
 * URL is https (behind a TLS proxy that forwards plain HTTP, the browser's side is still https).
 */
export function isSecureRequest(request: FastifyRequest, publicUrl: string): boolean {
  return request.protocol === 'https' || publicUrl.startsWith('https:');
}
