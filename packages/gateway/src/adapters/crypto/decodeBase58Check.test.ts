// Guards against a mistyped Base58Check key or address being read as some other valid one.
import { describe, expect, it } from 'vitest';
import { decodeBase58Check } from './decodeBase58Check.ts';

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

/** Published Base58Check ↔ payload pairs, each with where it is published. */
const PUBLISHED_BASE58CHECK = [
  // BIP-32 test vector 1, chain m, ext pub (bitcoin/bips bip-0032.mediawiki): version 0488b21e,
  // depth 0, no parent fingerprint or index, then the chain code and public key that vector lists.
  [
    '0488b21e000000000000000000873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508' +
      '0339a36013301597daef41fbe593a02cc513d0b55527ec2df1050e2e8ff49c85c2',
    'xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8',
  ],
  // USDT-TRC20's contract, as TRONSCAN shows it in both forms.
  ['41a614f803b6fd780986a42c78ec9c7f77e6ded13c', USDT],
  // Bitcoin's genesis block pays 1A1zP1…, hash160 62e907b1…: a leading '1' is a zero byte.
  ['0062e907b15cbf27d5425399ebf6f0fb50ebb88f18', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
] as const;

describe('decodeBase58Check', () => {
  it.each(PUBLISHED_BASE58CHECK)('reads %s from %s', (hex, text) => {
    const result = decodeBase58Check(text);
    expect(result.ok && Buffer.from(result.value).toString('hex')).toBe(hex);
  });

  it('refuses characters outside Base58: 0, O, I, l, spaces, signs, look-alikes', () => {
    for (const char of ['0', 'O', 'I', 'l', ' ', '\n', '+', '/', '-', 'Т', '１', '😀']) {
      expect(decodeBase58Check(`${USDT.slice(0, 10)}${char}${USDT.slice(11)}`)).toEqual({
        ok: false,
        reason: 'not_base58',
      });
    }
    expect(decodeBase58Check(` ${USDT}`)).toEqual({ ok: false, reason: 'not_base58' });
  });

  it('catches each single mistyped character and a cut-short text with the checksum', () => {
    for (let index = 0; index < USDT.length; index += 1) {
      const replacement = USDT[index] === 'a' ? 'b' : 'a';
      const typo = `${USDT.slice(0, index)}${replacement}${USDT.slice(index + 1)}`;
      expect(decodeBase58Check(typo)).toEqual({ ok: false, reason: 'bad_checksum' });
    }
    expect(decodeBase58Check(USDT.slice(0, -1))).toEqual({ ok: false, reason: 'bad_checksum' });
    expect(decodeBase58Check(`${USDT}1`)).toEqual({ ok: false, reason: 'bad_checksum' });
  });

  it('catches two swapped neighbours', () => {
    const swapped = `${USDT.slice(0, 5)}${USDT[6]}${USDT[5]}${USDT.slice(7)}`;
    expect(decodeBase58Check(swapped)).toEqual({ ok: false, reason: 'bad_checksum' });
  });

  it('fails text too short to hold a checksum as bad_checksum', () => {
    for (const text of ['', '1', '111', 'abc', '2g']) {
      expect(decodeBase58Check(text)).toEqual({ ok: false, reason: 'bad_checksum' });
    }
  });

  it('keeps leading zero bytes, one per leading 1', () => {
    const result = decodeBase58Check('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(result.ok && result.value[0]).toBe(0);
    expect(result.ok && result.value.length).toBe(21);
  });
});
