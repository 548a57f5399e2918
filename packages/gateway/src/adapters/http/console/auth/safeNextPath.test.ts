// Risk: the sign-in page as an open redirect (`next` sending a fresh session's browser elsewhere).
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safeNextPath.ts';

describe('safeNextPath', () => {
  it('keeps console paths with their query', () => {
    expect(safeNextPath('/console')).toBe('/console');
    expect(safeNextPath('/console/orders?status=paid&q=a%20b')).toBe('/console/orders?status=paid&q=a%20b');
    expect(safeNextPath('/console#x')).toBe('/console#x');
  });

  it('sends everything else to /console', () => {
    for (const next of [
      null,
      undefined,
      '',
      'https://evil.example/console',
      '//evil.example/console',
      '/\\evil.example',
      '/console\\..\\x',
      '/consolex',
      '/pay/abc',
      'console/orders',
      '/console/sign-in?next=/console',
      '/console/ x',
    ]) {
      expect(safeNextPath(next)).toBe('/console');
    }
  });
});
