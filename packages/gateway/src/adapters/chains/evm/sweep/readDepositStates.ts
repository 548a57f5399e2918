import { type Address, erc20Abi, type Hex, type PublicClient } from 'viem';
import { mapInRounds } from './mapInRounds.ts';

/** What the chain says about one deposit address at plan time. */
export type DepositState = {
  readonly address: Address;
  readonly index: number;
  /** Wei. */
  readonly native: bigint;
  /** Transaction count including pending ones: the next transaction's (or authorization's) nonce. */
  readonly nonce: number;
  /** Undefined when the account has no code (a plain EOA). */
  readonly code: Hex | undefined;
  /** Balance of each of the given tokens, same order, base units. */
  readonly balances: readonly bigint[];
};

export type ReadDepositStatesParameters = {
  readonly publicClient: PublicClient;
  readonly addresses: readonly { readonly address: Address; readonly index: number }[];
  readonly tokens: readonly Address[];
};

/**
 * Reads every deposit address's native balance, pending transaction count, code and token balances,
 * a round of addresses at a time so that a batching transport sends them as a few large requests.
 *
 * @example
 * const states = await readDepositStates({ publicClient, addresses: [{ address, index: 0 }], tokens: [usdt] });
 */
export async function readDepositStates({
  publicClient,
  addresses,
  tokens,
}: ReadDepositStatesParameters): Promise<DepositState[]> {
  return mapInRounds(addresses, (a) => readDepositState(publicClient, a, tokens));
}

async function readDepositState(
  publicClient: PublicClient,
  { address, index }: { readonly address: Address; readonly index: number },
  tokens: readonly Address[],
): Promise<DepositState> {
  const [native, nonce, code, balances] = await Promise.all([
    publicClient.getBalance({ address }),
    publicClient.getTransactionCount({ address, blockTag: 'pending' }),
    publicClient.getCode({ address }),
    Promise.all(
      tokens.map((token) =>
        publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [address] }),
      ),
    ),
  ]);
  // Some nodes answer "0x" for an account without code, others nothing: one meaning here.
  return { address, index, native, nonce, code: code === '0x' ? undefined : code, balances };
}
