// Risk: the page's policy allows inline or foreign code, or a configured frame ancestor smuggles in a directive.
import { describe, expect, it } from 'vitest';
import { createCheckoutCsp } from './createCheckoutCsp.ts';

describe('createCheckoutCsp', () => {
  it('allows only the page itself, and no framing by default', () => {
    expect(createCheckoutCsp([])).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(createCheckoutCsp([])).not.toContain('unsafe');
  });

  it('lets the configured merchant origins embed the page', () => {
    expect(createCheckoutCsp(['https://shop.example', 'https://*.shop.example'])).toMatch(
      / frame-ancestors https:\/\/shop\.example https:\/\/\*\.shop\.example$/,
    );
  });

  it.each(["https://a.example; script-src 'unsafe-inline'", 'https://a.example,https://b.example', 'a b'])(
    'refuses the source %j',
    (source) => {
      expect(() => createCheckoutCsp([source])).toThrow('checkout.frameAncestors');
    },
  );
});
