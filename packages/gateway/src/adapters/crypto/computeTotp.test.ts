// Risk: codes that differ from what authenticator apps show (RFC 6238 vectors), a window wider or
// narrower than one step either side, or a base32 secret that apps read differently.
import { describe, expect, it } from 'vitest';
import { computeTotp, TOTP_STEP_MS, type TotpAlgorithm } from './computeTotp.ts';
import { decodeBase32 } from './decodeBase32.ts';
import { encodeBase32 } from './encodeBase32.ts';
import { verifyTotp } from './verifyTotp.ts';

// RFC 6238 Appendix B: the seed of each algorithm, and the 8-digit codes at six times.
const SEEDS: Record<TotpAlgorithm, string> = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP', () => {
  it('gives the codes of RFC 6238 Appendix B', () => {
    for (const [seconds, sha1, sha256, sha512] of VECTORS) {
      const step = Math.floor(seconds / 30);
      expect(computeTotp(Buffer.from(SEEDS.sha1), step, 8, 'sha1')).toBe(sha1);
      expect(computeTotp(Buffer.from(SEEDS.sha256), step, 8, 'sha256')).toBe(sha256);
      expect(computeTotp(Buffer.from(SEEDS.sha512), step, 8, 'sha512')).toBe(sha512);
    }
  });

  it('gives 6-digit codes as apps show them (the last six of the 8-digit code)', () => {
    expect(computeTotp(Buffer.from(SEEDS.sha1), Math.floor(59 / 30))).toBe('287082');
    expect(computeTotp(Buffer.from(SEEDS.sha1), Math.floor(1111111109 / 30))).toBe('081804');
  });

  it('accepts the code of the step before, now and after, and names the step', () => {
    const secret = Buffer.from(SEEDS.sha1);
    const nowMs = 1_111_111_111_000;
    const step = Math.floor(nowMs / TOTP_STEP_MS);
    for (const offset of [-1, 0, 1]) {
      expect(verifyTotp(secret, computeTotp(secret, step + offset), nowMs)).toBe(step + offset);
    }
    expect(verifyTotp(secret, computeTotp(secret, step - 2), nowMs)).toBeNull();
    expect(verifyTotp(secret, computeTotp(secret, step + 2), nowMs)).toBeNull();
    const code = computeTotp(secret, step);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, nowMs)).toBe(step);
    for (const bad of ['', '12345', '1234567', 'abcdef']) expect(verifyTotp(secret, bad, nowMs)).toBeNull();
  });

  it('writes and reads base32 as RFC 4648 does', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of cases) {
      expect(encodeBase32(Buffer.from(plain))).toBe(encoded);
      expect(Buffer.from(decodeBase32(encoded) ?? []).toString()).toBe(plain);
    }
    expect(encodeBase32(Buffer.from(SEEDS.sha1))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(Buffer.from(decodeBase32('mzxw 6ytb oi======') ?? []).toString()).toBe('foobar');
    expect(decodeBase32('MZXW1')).toBeNull();
  });
});
