import { type Address, createWalletClient, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { deployTestToken } from '../../packages/gateway/src/adapters/chains/evm/deployTestToken.ts';
import { mintTestToken } from '../../packages/gateway/src/adapters/chains/evm/mintTestToken.ts';
import { ANVIL_DEFAULT_ACCOUNT } from '../../packages/gateway/src/adapters/chains/evm/startAnvil.ts';

/** Anvil's pre-funded account 0 as a wallet that also reads the chain. */
export type BenchWallet = ReturnType<typeof createBenchWallet>;

export type BenchTokens = { readonly wallet: BenchWallet; readonly usdt: Address; readonly usdc: Address };

/** Deploys test USDT and USDC from anvil's account 0 and mints `usdtMint` USDT units to it. */
export async function deployBenchTokens(rpcUrl: string, usdtMint: bigint): Promise<BenchTokens> {
  const { privateKey } = ANVIL_DEFAULT_ACCOUNT;
  const wallet = createBenchWallet(rpcUrl);
  const usdt = await deployTestToken({ rpcUrl, privateKey, name: 'Tether USD', symbol: 'USDT', decimals: 6 });
  const usdc = await deployTestToken({ rpcUrl, privateKey, name: 'USD Coin', symbol: 'USDC', decimals: 6 });
  await mintTestToken({ rpcUrl, privateKey, token: usdt, to: wallet.account.address, amount: usdtMint });
  return { wallet, usdt, usdc };
}

function createBenchWallet(rpcUrl: string) {
  const account = privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey);
  return createWalletClient({ account, transport: http(rpcUrl) }).extend(publicActions);
}
