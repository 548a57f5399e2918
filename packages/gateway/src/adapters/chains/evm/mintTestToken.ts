import { type Address, createWalletClient, type Hash, type Hex, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';

export type MintTestTokenParameters = {
  readonly rpcUrl: string;
  /** The minter's key: a funded devnet account (KassaTestToken lets anyone mint). */
  readonly privateKey: Hex;
  readonly token: Address;
  readonly to: Address;
  /** Base units. */
  readonly amount: bigint;
};

/**
 * Mints KassaTestToken units to `to` and resolves with the transaction hash once it is mined.
 *
 * @example
 * await mintTestToken({ rpcUrl, privateKey, token: usdt, to: payer, amount: 1_000_000n * 10n ** 6n });
 */
export async function mintTestToken({ rpcUrl, privateKey, token, to, amount }: MintTestTokenParameters): Promise<Hash> {
  const client = createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) }).extend(
    publicActions,
  );
  // chain: null signs for whatever chain the node reports instead of a pinned viem chain.
  const hash = await client.writeContract({
    address: token,
    abi: kassaTestTokenAbi,
    functionName: 'mint',
    args: [to, amount],
    chain: null,
  });
  await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  return hash;
}
