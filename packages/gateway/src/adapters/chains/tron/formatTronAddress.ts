import { encodeBase58Check } from '../../crypto/encodeBase58Check.ts';

/** The byte a TRON address payload starts with, before its 20-byte account id; 'T' in Base58. */
export const TRON_ADDRESS_PREFIX = 0x41;

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * The `T…` form of a TRON address that Kassa holds as 20-byte hex (the form TRON's
 * Ethereum-compatible JSON-RPC uses): Base58Check over the prefix byte 0x41 and the 20 bytes.
 * Every surface (API, webhooks, checkout, CLI) shows this form, as TRON wallets and explorers do.
 * Throws on anything but 20 hex bytes: addresses are validated where they enter, so bad input
 * here is a bug.
 *
 * @example
 * formatTronAddress('0xa614f803b6fd780986a42c78ec9c7f77e6ded13c'); // 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'
 */
export function formatTronAddress(hex: string): string {
  if (!HEX_ADDRESS.test(hex)) throw new RangeError(`not a 20-byte hex address: ${hex.slice(0, 64)}`);
  const payload = Buffer.alloc(21);
  payload[0] = TRON_ADDRESS_PREFIX;
  payload.write(hex.slice(2), 1, 'hex');
  return encodeBase58Check(payload);
}
