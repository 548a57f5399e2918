import { type Address, createWalletClient, getAddress, type Hex, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { kassaTestTokenAbi, kassaTestTokenBytecode } from './kassaTestTokenArtifact.ts';

export type DeployTestTokenParameters = {
  readonly rpcUrl: string;
  /** Deployer key: a devnet account (e.g. ANVIL_DEFAULT_ACCOUNT). */
  readonly privateKey: Hex;
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
};

/**
 * Deploys a KassaTestToken (open-mint devnet ERC-20) and resolves with its checksummed address
 * once the deployment is mined.
 *
 * @example
 * const usdt = await deployTestToken({ rpcUrl, privateKey: ANVIL_DEFAULT_ACCOUNT.privateKey, name: 'Tether USD', symbol: 'USDT', decimals: 6 });
 */
export async function deployTestToken({
  rpcUrl,
  privateKey,
  name,
  symbol,
  decimals,
}: DeployTestTokenParameters): Promise<Address> {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw new RangeError(`decimals must be an integer in 0..255, got ${decimals}`);
  }
  const client = createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) }).extend(
    publicActions,
  );
  // chain: null signs for whatever chain the node reports instead of a pinned viem chain.
  const hash = await client.deployContract({
    abi: kassaTestTokenAbi,
    bytecode: kassaTestTokenBytecode,
    args: [name, symbol, decimals],
    chain: null,
  });
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  if (receipt.status !== 'success' || receipt.contractAddress === null || receipt.contractAddress === undefined) {
    throw new Error(`deploying ${symbol} failed in transaction ${hash}`);
  }
  return getAddress(receipt.contractAddress);
}
