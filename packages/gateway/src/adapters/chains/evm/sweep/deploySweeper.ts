import {
  type Account,
  type Address,
  type Chain,
  concat,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { predictSweeperAddress, SWEEPER_DEPLOYER, SWEEPER_SALT, sweeperInitCode } from './predictSweeperAddress.ts';

export type DeploySweeperParameters = {
  readonly publicClient: PublicClient;
  /** Pays the deployment; must carry its account (e.g. the gas wallet). */
  readonly walletClient: WalletClient<Transport, Chain | undefined, Account>;
  /** Where the sweeper will send everything; baked into the contract. */
  readonly destination: Address;
  /** How long to wait for the deployment receipt; absent: viem's default. */
  readonly receiptTimeoutMs?: number;
};

export type DeploySweeperReturnType = {
  readonly address: Address;
  /** The deployment transaction; null when the sweeper was already there. */
  readonly txid: Hex | null;
};

/**
 * Deploys the KassaSweeper for `destination` through the deterministic deployment proxy, at its
 * predicted CREATE2 address. Idempotent: when code is already there, sends nothing. Throws a
 * {@link SweepError} when the chain lacks the proxy or the deployment fails.
 *
 * @example
 * const { address, txid } = await deploySweeper({ publicClient, walletClient, destination });
 */
export async function deploySweeper({
  publicClient,
  walletClient,
  destination,
  receiptTimeoutMs,
}: DeploySweeperParameters): Promise<DeploySweeperReturnType> {
  const address = predictSweeperAddress(destination);
  if (await hasCode(publicClient, address)) return { address, txid: null };
  if (!(await hasCode(publicClient, SWEEPER_DEPLOYER))) {
    throw new SweepError(
      `this chain lacks the deterministic deployment proxy ${SWEEPER_DEPLOYER}, so the sweeper cannot be deployed at its predicted address`,
    );
  }
  // The proxy's calldata is salt ‖ init code; it CREATE2s the contract and returns its address.
  const txid = await walletClient.sendTransaction({
    to: SWEEPER_DEPLOYER,
    data: concat([SWEEPER_SALT, sweeperInitCode(destination)]),
    chain: walletClient.chain ?? null,
  });
  const receipt = await publicClient.waitForTransactionReceipt({
    hash: txid,
    ...(receiptTimeoutMs === undefined ? {} : { timeout: receiptTimeoutMs }),
  });
  if (receipt.status !== 'success' || !(await hasCode(publicClient, address))) {
    throw new SweepError(`deploying the sweeper at ${address} failed in transaction ${txid}`);
  }
  return { address, txid };
}

async function hasCode(publicClient: PublicClient, address: Address): Promise<boolean> {
  const code = await publicClient.getCode({ address });
  return code !== undefined && code !== '0x';
}
