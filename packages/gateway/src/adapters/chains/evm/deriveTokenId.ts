import { createHash } from 'node:crypto';

/**
 * Kassa's namespace for name-based token ids (RFC 9562 §5.5). Fixed forever: changing it would
 * change every `token_id` merchants have stored.
 */
export const KASSA_TOKEN_NAMESPACE = '4a395774-3a7b-46db-88ad-4d4064aedcde';

/**
 * The stable `token_id` of a coin on a network: a version-5 UUID (SHA-1) of
 * `<networkKey>:<lower-case contract>` or `<networkKey>:native` in Kassa's namespace, so every
 * installation gives the same coin the same id.
 *
 * @example
 * deriveTokenId('ETH', '0xdAC17F958D2ee523a2206206994597C13D831ec7'); // 'ETH' USDT, same everywhere
 */
export function deriveTokenId(networkKey: string, contract: string | null): string {
  const name = `${networkKey}:${contract === null ? 'native' : contract.toLowerCase()}`;
  const namespace = Buffer.from(KASSA_TOKEN_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
