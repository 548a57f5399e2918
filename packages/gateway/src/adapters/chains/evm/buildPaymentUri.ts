import { checksumAddress } from './checksumAddress.ts';

export type BuildPaymentUriParameters = {
  readonly chainId: number;
  /** Deposit address (any case). */
  readonly to: string;
  /** ERC-20 contract (any case), or null for the chain's native coin. */
  readonly contract: string | null;
  /** Base units: token units for ERC-20, wei for the native coin. */
  readonly amount: bigint;
};

/**
 * An EIP-681 payment request that wallets pre-fill from: token, chain id, recipient and amount.
 * ERC-20: `ethereum:<token>@<chainId>/transfer?address=<to>&uint256=<amount>`; native coin:
 * `ethereum:<to>@<chainId>?value=<wei>`. Amounts are plain integers (no exponent), and addresses
 * are checksummed so a wallet can detect a mistyped one.
 */
export function buildPaymentUri({ chainId, to, contract, amount }: BuildPaymentUriParameters): string {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new RangeError('chainId must be a positive integer');
  const recipient = checksumAddress(to);
  if (contract === null) return `ethereum:${recipient}@${chainId}?value=${amount}`;
  return `ethereum:${checksumAddress(contract)}@${chainId}/transfer?address=${recipient}&uint256=${amount}`;
}
