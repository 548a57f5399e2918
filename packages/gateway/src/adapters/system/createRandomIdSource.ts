import { randomBytes, randomInt } from 'node:crypto';
import { createId } from '../../core/createId.ts';
import type { Clock, IdSource } from '../../core/ports.ts';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_LENGTH = 40;

/** Ids, tokens and secrets from the operating system's CSPRNG. */
export function createRandomIdSource(clock: Clock): IdSource {
  const pool = createRandomPool();
  return {
    createId: () => createId(clock.now(), randomDigits(pool, 19)),
    createToken: () => checkoutToken(clock.now(), pool.take(TOKEN_RANDOM_BYTES)),
    createSecret: () => {
      // randomInt is unbiased, unlike a byte modulo the alphabet size.
      let secret = '';
      for (let i = 0; i < SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
      return secret;
    },
  };
}

const TOKEN_TIME_BYTES = 6;
// 144 bits, comfortably above the 128 the spec asks of checkout tokens.
const TOKEN_RANDOM_BYTES = 18;

/**
 * A checkout token: the creation time in milliseconds, then random bytes (32 base64url characters).
 * The time prefix is for the database, not for secrecy: tokens made close together land close
 * together in the unique index, so a commit rewrites a few index pages instead of one page per
 * order (bench/create-order.ts; about half of the insert's cost). Creation time is no secret.
 */
function checkoutToken(nowMs: number, random: Buffer): string {
  const bytes = Buffer.alloc(TOKEN_TIME_BYTES + random.length);
  bytes.writeUIntBE(nowMs, 0, TOKEN_TIME_BYTES);
  random.copy(bytes, TOKEN_TIME_BYTES);
  return bytes.toString('base64url');
}

type RandomPool = { take(bytes: number): Buffer };

const POOL_BYTES = 4096;

/**
 * CSPRNG bytes fetched a page at a time: one system call per request for a few bytes each is a
 * measurable share of an order insert. Every byte is handed out once.
 */
function createRandomPool(): RandomPool {
  let page = randomBytes(POOL_BYTES);
  let offset = 0;
  return {
    take(bytes) {
      if (offset + bytes > page.length) {
        page = randomBytes(POOL_BYTES);
        offset = 0;
      }
      const slice = Buffer.from(page.subarray(offset, offset + bytes));
      offset += bytes;
      return slice;
    },
  };
}

function randomDigits(pool: RandomPool, count: number): string {
  // Draw 64 bits and reject values past the largest multiple of 10^count, so every digit string
  // is equally likely (for 19 digits about half the draws are rejected; it is still cheap).
  const limit = 10n ** BigInt(count);
  const ceiling = (2n ** 64n / limit) * limit;
  for (;;) {
    const value = pool.take(8).readBigUInt64BE();
    if (value < ceiling) return (value % limit).toString().padStart(count, '0');
  }
}
