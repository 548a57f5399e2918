/**
 * The checkout page's content security policy: only its own script and stylesheet, no inline
 * code, no base or plugin tricks, same-site form posts and live updates, and framing only by the
 * origins the operator lists for merchants who embed the page (`'none'` by default).
 */
export function createCheckoutCsp(frameAncestors: readonly string[]): string {
  for (const source of frameAncestors) {
    // A source with `;` or `,` would end the directive and smuggle in another one.
    if (/[;,\s]/.test(source)) throw new Error(`checkout.frameAncestors: invalid source ${JSON.stringify(source)}`);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ')}`,
  ].join('; ');
}
