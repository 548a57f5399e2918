// Guards against accepting an extended PRIVATE key, or a mistyped xpub, as the deposit key.
import { createHash } from 'node:crypto';
import { HDKey, mnemonicToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { parseXpub } from './parseXpub.ts';
import { ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

const accountKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey();
const XPUB = accountKey.publicExtendedKey;
const XPRV = accountKey.privateExtendedKey;

describe('parseXpub', () => {
  it('accepts an account-level xpub and reports its depth', () => {
    const result = parseXpub(XPUB);
    expect(result.ok && result.value.depth).toBe(3);
    expect(result.ok && result.value.xpub).toBe(XPUB);
  });

  it('accepts an xpub of any depth (a master xpub is depth 0)', () => {
    const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(7));
    const result = parseXpub(master.publicExtendedKey);
    expect(result.ok && result.value.depth).toBe(0);
  });

  it('refuses an xprv, saying it is a private key', () => {
    expect(XPRV.startsWith('xprv')).toBe(true);
    const result = parseXpub(XPRV);
    expect(result).toMatchObject({ ok: false, reason: 'private_key' });
    expect(!result.ok && result.message).toMatch(/PRIVATE/);
  });

  it('refuses private keys of other versions (tprv) as private keys too', () => {
    const testnet = HDKey.fromMasterSeed(new Uint8Array(32).fill(9), { private: 0x04358394, public: 0x043587cf });
    expect(parseXpub(testnet.privateExtendedKey)).toMatchObject({ ok: false, reason: 'private_key' });
    expect(parseXpub(testnet.publicExtendedKey)).toMatchObject({ ok: false, reason: 'unsupported_version' });
  });

  it('catches a single mistyped character with the checksum', () => {
    const index = 60;
    const replacement = XPUB[index] === 'a' ? 'b' : 'a';
    const typo = `${XPUB.slice(0, index)}${replacement}${XPUB.slice(index + 1)}`;
    expect(parseXpub(typo)).toMatchObject({ ok: false, reason: 'bad_checksum' });
    expect(parseXpub(XPUB.slice(0, -1))).toMatchObject({ ok: false, reason: 'bad_checksum' });
  });

  it('rejects garbage, whitespace and characters outside base58', () => {
    for (const text of ['', 'hello world', `${XPUB} `, ` ${XPUB}`, 'xpub0OIl', '0x1234', 'x'.repeat(1000)]) {
      expect(parseXpub(text)).toMatchObject({ ok: false, reason: 'not_base58' });
    }
  });

  it('rejects a well-checksummed payload of the wrong length', () => {
    expect(parseXpub(encodeBase58Check(Buffer.alloc(40, 1)))).toMatchObject({ ok: false, reason: 'bad_length' });
  });

  it('rejects an xpub whose key is not a point on the curve', () => {
    const payload = Buffer.from(decodeBase58(XPUB).subarray(0, 78));
    payload.fill(0xff, 46, 78);
    payload[45] = 0x02;
    expect(parseXpub(encodeBase58Check(payload))).toMatchObject({ ok: false, reason: 'invalid_key' });
  });

  it('rejects a depth-0 key that names a parent or an index, and keeps its public key and chain code', () => {
    const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(7));
    const payload = Buffer.from(decodeBase58(master.publicExtendedKey).subarray(0, 78));
    const parsed = parseXpub(master.publicExtendedKey);
    expect(parsed.ok && Buffer.from(parsed.value.key.publicKey).equals(payload.subarray(45, 78))).toBe(true);
    expect(parsed.ok && Buffer.from(parsed.value.key.chainCode).equals(payload.subarray(13, 45))).toBe(true);
    payload.writeUInt32BE(1, 9);
    expect(parseXpub(encodeBase58Check(payload))).toMatchObject({ ok: false, reason: 'invalid_key' });
  });
});

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function encodeBase58Check(payload: Buffer): string {
  const checksum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  const bytes = Buffer.concat([payload, checksum.subarray(0, 4)]);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 58n)] + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

function decodeBase58(text: string): Buffer {
  let value = 0n;
  for (const char of text) value = value * 58n + BigInt(ALPHABET.indexOf(char));
  return Buffer.from(value.toString(16).padStart(164, '0'), 'hex');
}
