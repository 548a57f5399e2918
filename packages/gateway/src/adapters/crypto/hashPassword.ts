import { randomBytes, scrypt } from 'node:crypto';

/** scrypt cost: 2^15 × r 8 uses 32 MiB per hash, about 0.1 s on one core. */
export const PASSWORD_SCRYPT: ScryptCost = { log2N: 15, r: 8, p: 1 };

/** scrypt's cost parameters: N = 2^log2N, block size r, parallelism p. */
export type ScryptCost = { readonly log2N: number; readonly r: number; readonly p: number };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/**
 * A memory-hard hash of an operator's password as one self-describing string,
 * `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64url): parameters travel with each hash, so raising
 * them later still verifies every hash made before.
 */
export async function hashPassword(password: string, cost = PASSWORD_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveScryptKey(password, salt, cost, KEY_BYTES);
  return `scrypt$ln=${cost.log2N},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** scrypt with `maxmem` set from the parameters (Node's default stops at 32 MiB, exactly our need). */
export function deriveScryptKey(password: string, salt: Buffer, cost: ScryptCost, keyBytes: number): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const maxmem = 128 * N * cost.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, { N, r: cost.r, p: cost.p, maxmem }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}
