import type { Address } from 'viem';
import { toChecksumAddress } from './toChecksumAddress.ts';

export type ParseContractAddressResult =
  | { readonly ok: true; readonly value: Address }
  | { readonly ok: false; readonly message: string };

/**
 * Validates a token contract address as an operator writes it in config: 0x and 40 hex digits,
 * in its EIP-55 spelling, not the zero address.
 */
export function parseContractAddress(text: string): ParseContractAddressResult {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    return { ok: false, message: 'must be a contract address (0x and 40 hex digits)' };
  }
  // Only the EIP-55 spelling is accepted: lower-case text carries no checksum, so a typo would go
  // unnoticed and payments would be watched on a contract nobody pays into. Checked without viem,
  // which config loading (and so every `kassa` command) would otherwise have to load.
  if (toChecksumAddress(text.slice(2).toLowerCase()) !== text) {
    return {
      ok: false,
      message: 'must be written with its EIP-55 checksum (mixed case, as block explorers show it)',
    };
  }
  if (/^0x0{40}$/i.test(text)) return { ok: false, message: 'must not be the zero address' };
  return { ok: true, value: text as Address };
}
