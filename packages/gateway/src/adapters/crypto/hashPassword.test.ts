// Risk: a password hash that is fast to guess, that verifies a wrong password, or whose
// parameters cannot change without locking out everyone hashed before.
import { describe, expect, it } from 'vitest';
import { hashPassword } from './hashPassword.ts';
import { verifyPassword } from './verifyPassword.ts';

describe('password hashing', () => {
  it('stores scrypt N=2^15, r=8, p=1 with a fresh salt and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('verifies hashes made with other parameters, read from the stored string', async () => {
    const cheaper = await hashPassword('an older password', { log2N: 14, r: 8, p: 1 });
    expect(cheaper).toContain('$ln=14,r=8,p=1$');
    expect(await verifyPassword('an older password', cheaper)).toBe(true);
  });

  it('spends the same work on a missing hash and answers false', async () => {
    const hash = await hashPassword('some password here');
    // The fastest of a few runs each: other processes on the machine only ever add time.
    const fastestMs = async (stored: string | null) => {
      let fastest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const startMs = performance.now();
        expect(await verifyPassword('a guess of a guesser', stored)).toBe(false);
        fastest = Math.min(fastest, performance.now() - startMs);
      }
      return fastest;
    };
    const knownMs = await fastestMs(hash);
    const missingMs = await fastestMs(null);
    // Without the dummy scrypt run a missing hash would answer in well under a millisecond.
    expect(missingMs).toBeGreaterThan(knownMs / 4);
  });

  it('refuses a stored string it does not know', async () => {
    await expect(verifyPassword('x', 'md5$abc')).rejects.toThrow('unknown password hash format');
  });
});
