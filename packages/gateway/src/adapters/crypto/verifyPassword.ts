import { timingSafeEqual } from 'node:crypto';
import { deriveScryptKey, hashPassword } from './hashPassword.ts';

const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches a hash of `hashPassword`. With a null hash (no such operator, or no
 * password set yet) it still runs scrypt on a dummy hash and answers false, so the time a sign-in
 * takes does not tell which names exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= hashPassword('not a password of anyone');
    await verifyPassword(password, await dummyHash);
    return false;
  }
  const match = FORMAT.exec(stored);
  if (match === null) throw new Error('unknown password hash format');
  const [, log2N, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await deriveScryptKey(
    password,
    Buffer.from(salt, 'base64url'),
    { log2N: Number(log2N), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(key, expected);
}
