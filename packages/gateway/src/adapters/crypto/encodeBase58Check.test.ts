// Guards the Base58Check writer behind every TRON address Kassa shows against published encodings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase58Check } from './decodeBase58Check.ts';
import { encodeBase58Check } from './encodeBase58Check.ts';
import { hashBase58Checksum } from './hashBase58Checksum.ts';

/** Published payload ↔ Base58Check pairs, each with where it is published. */
const PUBLISHED_BASE58CHECK = [
  // BIP-32 test vector 1, chain m, ext pub (bitcoin/bips bip-0032.mediawiki): version, depth,
  // parent fingerprint, child index, chain code and public key, as that vector lists them.
  [
    '0488b21e' +
      '00' +
      '00000000' +
      '00000000' +
      '873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508' +
      '0339a36013301597daef41fbe593a02cc513d0b55527ec2df1050e2e8ff49c85c2',
    'xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8',
  ],
  // USDT-TRC20's contract, as TRONSCAN shows it in both forms.
  ['41a614f803b6fd780986a42c78ec9c7f77e6ded13c', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  // Bitcoin's genesis block pays 1A1zP1…, hash160 62e907b1…: a leading zero byte written as '1'.
  ['0062e907b15cbf27d5425399ebf6f0fb50ebb88f18', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
] as const;

describe('encodeBase58Check', () => {
  it.each(PUBLISHED_BASE58CHECK)('writes %s as %s', (hex, text) => {
    expect(encodeBase58Check(Buffer.from(hex, 'hex'))).toBe(text);
  });

  it('checksums with double SHA-256 (of the empty payload: 5df6e0e2)', () => {
    expect(hashBase58Checksum(new Uint8Array()).toString('hex')).toBe('5df6e0e2');
    expect(encodeBase58Check(new Uint8Array())).toBe('3QJmnh');
  });

  it("keeps every leading zero byte as a '1'", () => {
    expect(encodeBase58Check(new Uint8Array(3)).startsWith('111')).toBe(true);
    expect(encodeBase58Check(new Uint8Array(3)).startsWith('1111')).toBe(false);
  });

  it('is read back by decodeBase58Check, for any payload, zero-led ones too', () => {
    const payload = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.uint8Array({ maxLength: 90 }))
      .map(([zeros, rest]) => new Uint8Array([...new Uint8Array(zeros), ...rest]));
    fc.assert(
      fc.property(payload, (bytes) => {
        expect(decodeBase58Check(encodeBase58Check(bytes))).toEqual({ ok: true, value: bytes });
      }),
      { numRuns: 500 },
    );
  });
});
