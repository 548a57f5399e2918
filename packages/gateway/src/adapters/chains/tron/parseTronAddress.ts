import { decodeBase58Check } from '../../crypto/decodeBase58Check.ts';
import { TRON_ADDRESS_PREFIX } from './formatTronAddress.ts';

export type ParseTronAddressFailure =
  | 'empty'
  | 'hex'
  | 'too_long'
  | 'not_base58'
  | 'bad_checksum'
  | 'bad_length'
  | 'bad_prefix';

export type ParseTronAddressResult =
  | { readonly ok: true; readonly value: `0x${string}` }
  | { readonly ok: false; readonly reason: ParseTronAddressFailure; readonly message: string };

const FORM = 'must be a TRON address in its T… form (Base58Check)';
// The prefix byte and the 20-byte account id.
const PAYLOAD_BYTES = 21;
// A TRON address has 34 characters (an xpub 111); the bound keeps Base58 decoding (quadratic) cheap on junk.
const MAX_CHARACTERS = 200;
// 0x…, 41… or 0x41… and 40 hex digits: the forms TRON's APIs and Ethereum tools print.
const HEX_FORMS = /^(0x)?(41)?[0-9a-f]{40}$/i;

/**
 * Validates a TRON address as an operator writes it in config (a token contract, a sweep
 * destination) and returns the 20-byte hex Kassa holds. Only the `T…` form is accepted: its
 * checksum catches a mistyped character, which hex would let through, so funds would be watched
 * on (or sent to) an address nobody controls. Each refusal says what is wrong, fit for a config error.
 *
 * @example
 * parseTronAddress('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'); // { ok: true, value: '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c' }
 */
export function parseTronAddress(text: string): ParseTronAddressResult {
  if (text.length === 0) return fail('empty', 'this one is empty');
  if (HEX_FORMS.test(text)) {
    return fail('hex', 'this one is hex: give the T… form, which explorers such as TRONSCAN show beside it');
  }
  if (text.length > MAX_CHARACTERS) {
    return fail('too_long', `this one has ${text.length} characters, a TRON address 34`);
  }
  const decoded = decodeBase58Check(text);
  if (!decoded.ok && decoded.reason === 'not_base58') {
    return fail('not_base58', 'this one has a character outside Base58 (which has no 0, O, I, l or spaces)');
  }
  if (!decoded.ok) return fail('bad_checksum', "this one's checksum does not match: it was mistyped or cut short");
  const payload = decoded.value;
  if (payload.length !== PAYLOAD_BYTES) {
    return fail('bad_length', `this one holds ${payload.length} bytes, a TRON address ${PAYLOAD_BYTES}`);
  }
  if (payload[0] !== TRON_ADDRESS_PREFIX) {
    const prefix = (payload[0] ?? 0).toString(16).padStart(2, '0');
    return fail('bad_prefix', `this one starts with byte 0x${prefix}, not TRON's 0x41: it is another chain's address`);
  }
  return { ok: true, value: `0x${Buffer.from(payload.subarray(1)).toString('hex')}` };
}

function fail(reason: ParseTronAddressFailure, detail: string): ParseTronAddressResult {
  return { ok: false, reason, message: `${FORM}; ${detail}` };
}
