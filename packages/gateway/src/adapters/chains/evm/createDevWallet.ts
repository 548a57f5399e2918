import { type Address, createTestClient, createWalletClient, type Hash, type Hex, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';

export type CreateDevWalletParameters = {
  readonly rpcUrl: string;
  /** The funded devnet account that pays (the sandbox's test account). */
  readonly privateKey: Hex;
};

export type DevWalletPayment = {
  readonly to: Address;
  /** ERC-20 contract, or null for the chain's native coin. */
  readonly contract: Address | null;
  /** Base units. */
  readonly amount: bigint;
};

/** The sandbox wallet: real devnet transactions from the test account, and the devnet's clock. */
export type DevWallet = {
  readonly address: Address;
  /** Sends a transfer and resolves with its hash once it is mined. */
  pay(payment: DevWalletPayment): Promise<Hash>;
  /**
   * Moves the devnet's clock so the next block is stamped after `atMs` (`evm_increaseTime`, then
   * a mined block); resolves with that block's time in ms. Never moves it back.
   */
  moveTimePast(atMs: number): Promise<number>;
};

/**
 * Builds the sandbox wallet over an anvil node. Its operations run one at a time: two payments
 * sent at once from one account would race for the same nonce.
 *
 * @example
 * const wallet = createDevWallet({ rpcUrl, privateKey });
 * await wallet.pay({ to: depositAddress, contract: usdt, amount: 19_990_000n });
 */
export function createDevWallet({ rpcUrl, privateKey }: CreateDevWalletParameters): DevWallet {
  const account = privateKeyToAccount(privateKey);
  const client = createWalletClient({ account, transport: http(rpcUrl) }).extend(publicActions);
  const testClient = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    address: account.address,
    pay: ({ to, contract, amount }) =>
      serialize(async () => {
        if (amount <= 0n) throw new RangeError('a payment must move a positive amount');
        // chain: null signs for whatever chain the node reports.
        const hash =
          contract === null
            ? await client.sendTransaction({ to, value: amount, chain: null })
            : await client.writeContract({
                address: contract,
                abi: kassaTestTokenAbi,
                functionName: 'transfer',
                args: [to, amount],
                chain: null,
              });
        const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
        if (receipt.status !== 'success') throw new Error(`devnet transaction ${hash} reverted`);
        return hash;
      }),
    moveTimePast: (atMs) =>
      serialize(async () => {
        const latest = await client.getBlock({ blockTag: 'latest' });
        const targetSeconds = BigInt(Math.floor(atMs / 1000) + 1);
        if (targetSeconds > latest.timestamp) {
          await testClient.increaseTime({ seconds: Number(targetSeconds - latest.timestamp) });
        }
        await testClient.mine({ blocks: 1 });
        const mined = await client.getBlock({ blockTag: 'latest' });
        return Number(mined.timestamp) * 1000;
      }),
  };
}
