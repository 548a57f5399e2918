// Guards against showing a payer a TRON address other than the one Kassa watches.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTronAddress } from './formatTronAddress.ts';
import { parseTronAddress } from './parseTronAddress.ts';

/** Published 20-byte hex ↔ T… pairs, each with where it is published. */
const PUBLISHED_ADDRESSES = [
  // USDT-TRC20's contract: TRONSCAN shows TR7NHq… and its hex 41a614f8….
  ['0xa614f803b6fd780986a42c78ec9c7f77e6ded13c', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  // TRON's developer docs, "Accounts and keys", Address format (developers.tron.network/docs/account):
  // TronWeb's toHex / fromHex between these two forms (the docs print the hex in upper case).
  ['0x8840E6C55B9ADA326D211D818C34A994AECED808', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL'],
  // TRON's docs for wallet-cli `encoding convert` (tronprotocol.github.io/documentation-en/clients/
  // wallet-cli/typescript/commands/encoding/convert/): TRON, TRON hex and EVM forms of one address.
  ['0x12E94f5a3c88b17d2F6E0b9a45Cd310f8E7a6D29', 'TBhCfAytTEh52WFL6HYr64i2nmc3u3TCUp'],
] as const;

describe('formatTronAddress', () => {
  it.each(PUBLISHED_ADDRESSES)('writes %s as %s', (hex, text) => {
    expect(formatTronAddress(hex)).toBe(text);
    expect(formatTronAddress(hex.toLowerCase())).toBe(text);
    expect(formatTronAddress(`0x${hex.slice(2).toUpperCase()}`)).toBe(text);
  });

  it('writes the zero and the all-ones account ids as 34-character T… addresses', () => {
    // The zero account id is TRON's well-known "black hole" address, as TRONSCAN labels it.
    expect(formatTronAddress(`0x${'00'.repeat(20)}`)).toBe('T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb');
    expect(formatTronAddress(`0x${'ff'.repeat(20)}`)).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
  });

  it('round-trips any 20 bytes through parseTronAddress, always as T and 33 more characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const hex = `0x${Buffer.from(bytes).toString('hex')}`;
        const text = formatTronAddress(hex);
        expect(text).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
        expect(parseTronAddress(text)).toEqual({ ok: true, value: hex });
      }),
      { numRuns: 1000 },
    );
    const upper = `0x${randomBytes(20).toString('hex').toUpperCase()}`;
    expect(parseTronAddress(formatTronAddress(upper))).toEqual({ ok: true, value: upper.toLowerCase() });
  });

  it('throws a RangeError on anything but 0x and 20 bytes of hex', () => {
    const usdt = 'a614f803b6fd780986a42c78ec9c7f77e6ded13c';
    for (const text of [
      '',
      usdt,
      `41${usdt}`,
      `0x41${usdt}`,
      `0X${usdt}`,
      `0x${usdt.slice(2)}`,
      `0x${usdt}00`,
      `0x${usdt.slice(1)}g`,
      ` 0x${usdt}`,
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    ]) {
      expect(() => formatTronAddress(text)).toThrow(RangeError);
    }
  });
});
