// Risk: two spellings of one name becoming two operators, or names the CLI and pages cannot show.
import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './checkNewPassword.ts';
import { parseOperatorName } from './parseOperatorName.ts';

describe('parseOperatorName', () => {
  it('trims and lowercases valid names', () => {
    expect(parseOperatorName('  Alice ')).toEqual({ ok: true, name: 'alice' });
    expect(parseOperatorName('ops.team_2-b')).toEqual({ ok: true, name: 'ops.team_2-b' });
    expect(parseOperatorName('a'.repeat(64))).toEqual({ ok: true, name: 'a'.repeat(64) });
  });

  it('refuses empty, long, spaced, leading-dot and non-ASCII names', () => {
    for (const bad of ['', ' ', 'a'.repeat(65), 'two words', '.hidden', '-x', 'zoë', 'a/b', '<b>']) {
      expect(parseOperatorName(bad)).toEqual({ ok: false });
    }
  });
});

describe('checkNewPassword', () => {
  it('wants 12 to 1024 characters typed the same twice', () => {
    expect(checkNewPassword('elevenchars', 'elevenchars')).toBe('too_short');
    expect(checkNewPassword('twelve chars', 'twelve chars')).toBeNull();
    expect(checkNewPassword('twelve chars', 'twelve charz')).toBe('mismatch');
    expect(checkNewPassword('🔑'.repeat(12), '🔑'.repeat(12))).toBeNull();
    expect(checkNewPassword('x'.repeat(1025), 'x'.repeat(1025))).toBe('too_long');
  });
});
