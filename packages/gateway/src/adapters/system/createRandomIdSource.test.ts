// Risk: guessable or colliding checkout tokens and order ids, or tokens that lose the time prefix
// the order index relies on for cheap inserts.
import { describe, expect, it } from 'vitest';
import { createRandomIdSource } from './createRandomIdSource.ts';

const NOW_MS = Date.UTC(2026, 10, 21, 12, 30, 15, 250);

describe('createRandomIdSource', () => {
  let nowMs = NOW_MS;
  const ids = createRandomIdSource({ now: () => nowMs });

  it('makes 32-character base64url checkout tokens that start with their creation time', () => {
    nowMs = NOW_MS;
    const token = ids.createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const bytes = Buffer.from(token, 'base64url');
    expect(bytes).toHaveLength(24);
    expect(bytes.readUIntBE(0, 6)).toBe(NOW_MS);
  });

  it('keeps 144 random bits after the time: tokens of the same millisecond share only the prefix', () => {
    nowMs = NOW_MS;
    const tokens = Array.from({ length: 2000 }, () => ids.createToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens.map((t) => t.slice(0, 8))).size).toBe(1);
    // Every bit of the random part varies across the sample (none stuck at 0 or 1).
    const random = tokens.map((t) => Buffer.from(t, 'base64url').subarray(6));
    for (let byte = 0; byte < 18; byte++) {
      const or = random.reduce((acc, r) => acc | (r[byte] ?? 0), 0);
      const and = random.reduce((acc, r) => acc & (r[byte] ?? 0), 0xff);
      expect({ byte, or, and }).toEqual({ byte, or: 0xff, and: 0 });
    }
  });

  it('makes 33-digit order ids that start with the UTC time, distinct within one second', () => {
    nowMs = NOW_MS;
    const orderIds = Array.from({ length: 2000 }, () => ids.createId());
    expect(new Set(orderIds).size).toBe(orderIds.length);
    for (const id of orderIds) expect(id).toMatch(/^20261121123015\d{19}$/);
  });

  it('makes 40-character alphanumeric app secrets', () => {
    const secrets = Array.from({ length: 100 }, () => ids.createSecret());
    expect(new Set(secrets).size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});
