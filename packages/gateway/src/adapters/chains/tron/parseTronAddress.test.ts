// Guards against a config accepting a TRON address that is mistyped, hex, or another chain's.
import { describe, expect, it } from 'vitest';
import { encodeBase58Check } from '../../crypto/encodeBase58Check.ts';
import { parseTronAddress } from './parseTronAddress.ts';

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const USDT_HEX = 'a614f803b6fd780986a42c78ec9c7f77e6ded13c';
const FORM = 'must be a TRON address in its T… form (Base58Check); ';

/** Published T… ↔ hex pairs, each with where it is published. */
const PUBLISHED_ADDRESSES = [
  // USDT-TRC20's contract: TRONSCAN shows TR7NHq… and its hex 41a614f8….
  [USDT, `0x${USDT_HEX}`],
  // TRON's developer docs, "Accounts and keys", Address format (developers.tron.network/docs/account).
  ['TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', '0x8840e6c55b9ada326d211d818c34a994aeced808'],
  // TRON's docs for wallet-cli `encoding convert` (tronprotocol.github.io/documentation-en/clients/
  // wallet-cli/typescript/commands/encoding/convert/).
  ['TBhCfAytTEh52WFL6HYr64i2nmc3u3TCUp', '0x12e94f5a3c88b17d2f6e0b9a45cd310f8e7a6d29'],
] as const;

function refusal(text: string): { reason: string; message: string } {
  const result = parseTronAddress(text);
  if (result.ok) throw new Error(`accepted ${text}`);
  expect(result.message.startsWith(FORM)).toBe(true);
  return { reason: result.reason, message: result.message.slice(FORM.length) };
}

describe('parseTronAddress', () => {
  it.each(PUBLISHED_ADDRESSES)('reads %s as %s', (text, hex) => {
    expect(parseTronAddress(text)).toEqual({ ok: true, value: hex });
  });

  it('refuses the empty string', () => {
    expect(refusal('')).toEqual({ reason: 'empty', message: 'this one is empty' });
  });

  it('refuses every hex spelling, pointing to the T… form', () => {
    for (const text of [`0x${USDT_HEX}`, `41${USDT_HEX}`, `0x41${USDT_HEX}`, USDT_HEX, USDT_HEX.toUpperCase()]) {
      expect(refusal(text)).toEqual({
        reason: 'hex',
        message: expect.stringMatching(/^this one is hex: give the T… form/),
      });
    }
    // Trust Wallet's wallet-core (tests/chains/Tron/AddressTests.cpp) refuses this EIP-55 address as TRON.
    expect(refusal('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed').reason).toBe('hex');
  });

  it('refuses characters outside Base58, and spaces around the address', () => {
    for (const text of [` ${USDT}`, `${USDT}\n`, `TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6O`, 'T-R7NH', 'tron:TR7NH']) {
      expect(refusal(text)).toEqual({
        reason: 'not_base58',
        message: 'this one has a character outside Base58 (which has no 0, O, I, l or spaces)',
      });
    }
  });

  it('refuses a mistyped or cut-short address: its checksum does not match', () => {
    const expected = {
      reason: 'bad_checksum',
      message: "this one's checksum does not match: it was mistyped or cut short",
    };
    expect(refusal(`${USDT.slice(0, 20)}${USDT[20] === 'a' ? 'b' : 'a'}${USDT.slice(21)}`)).toEqual(expected);
    expect(refusal(USDT.slice(0, -1))).toEqual(expected);
    // wallet-core's invalid TRON addresses (tests/chains/Tron/AddressTests.cpp).
    for (const text of ['abc', '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W', '2MegQ6oqSda2tTagdEzBA']) {
      expect(refusal(text)).toEqual(expected);
    }
  });

  it('refuses a valid Base58Check payload of the wrong length', () => {
    expect(refusal(encodeBase58Check(Buffer.from(`41${USDT_HEX}00`, 'hex')))).toEqual({
      reason: 'bad_length',
      message: 'this one holds 22 bytes, a TRON address 21',
    });
    expect(refusal(encodeBase58Check(Buffer.from(USDT_HEX, 'hex'))).reason).toBe('bad_length');
    const xpub =
      'xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8';
    expect(refusal(xpub)).toEqual({ reason: 'bad_length', message: 'this one holds 78 bytes, a TRON address 21' });
  });

  it("refuses another chain's 21-byte address by its prefix byte", () => {
    // Bitcoin's genesis block pays 1A1zP1…: version byte 0x00.
    expect(refusal('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual({
      reason: 'bad_prefix',
      message: "this one starts with byte 0x00, not TRON's 0x41: it is another chain's address",
    });
    // java-tron's old testnet prefix 0xa0 (Constant.ADD_PRE_FIX_BYTE_TESTNET).
    expect(refusal(encodeBase58Check(Buffer.from(`a0${USDT_HEX}`, 'hex'))).message).toMatch(
      /byte 0xa0, not TRON's 0x41/,
    );
  });

  it('refuses overlong text before decoding it', () => {
    expect(refusal('T'.repeat(5000))).toEqual({
      reason: 'too_long',
      message: 'this one has 5000 characters, a TRON address 34',
    });
  });
});
