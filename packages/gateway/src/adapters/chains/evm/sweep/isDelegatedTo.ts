import type { Address, Hex } from 'viem';

/** EIP-7702 delegation designator prefix: an account's code is `0xef0100 ‖ target`. */
const DELEGATION_PREFIX = '0xef0100';

/**
 * Whether an account's code (from `eth_getCode`) is exactly the EIP-7702 delegation to `contract`.
 * Anything else (no code, a delegation elsewhere, a real contract) is false.
 *
 * @example
 * isDelegatedTo(await publicClient.getCode({ address }), predictSweeperAddress(destination));
 */
export function isDelegatedTo(code: Hex | undefined, contract: Address): boolean {
  if (code === undefined) return false;
  return code.toLowerCase() === `${DELEGATION_PREFIX}${contract.slice(2)}`.toLowerCase();
}
