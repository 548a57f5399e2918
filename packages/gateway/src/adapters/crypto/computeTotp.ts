import { createHmac } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** The 30-second step of RFC 6238 that `nowMs` falls in. */
export const TOTP_STEP_MS = 30_000;

/**
 * The RFC 6238 code of `secret` for a time step (HOTP of RFC 4226 over the step counter). The
 * console uses SHA-1 and 6 digits, what every authenticator app supports.
 */
export function computeTotp(secret: Uint8Array, step: number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac(algorithm, secret).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}
