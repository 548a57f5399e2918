import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Address, createTestClient, createWalletClient, getAddress, http, isAddress, publicActions } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import type { Network } from '../../../core/network.ts';
import { deployTestToken } from './deployTestToken.ts';
import { describeDevNetwork } from './describeDevNetwork.ts';
import {
  DEV_TEST_TOKEN_DECIMALS,
  DEV_TEST_TOKENS,
  type DevTestToken,
  type DevTestTokenSymbol,
} from './devTestTokens.ts';
import { type DevTestAccount, getDevTestAccount } from './getDevTestAccount.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { mintTestToken } from './mintTestToken.ts';
import { ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

/**
 * The xpub the sandbox derives deposit addresses from: `m/44'/60'/2'` of anvil's public dev
 * mnemonic. Not account 0', whose addresses anvil pre-funds and every devnet tool sends from, and
 * not 1', the test account's: a payment from the test account never lands on a deposit address.
 * The keys are public, so the sandbox can sweep its deposits; nothing real may ever be sent there.
 */
export const DEV_XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/2'" }).getHdKey()
  .publicExtendedKey;

const TEST_ACCOUNT_BALANCE_WEI = 10_000n * 10n ** 18n;
// Topped up when it falls below these, so a sandbox used for months never runs dry.
const MIN_TEST_ACCOUNT_BALANCE_WEI = 100n * 10n ** 18n;
const TEST_TOKEN_MINT = 1_000_000n * 10n ** BigInt(DEV_TEST_TOKEN_DECIMALS);
const MIN_TEST_TOKEN_BALANCE = 100_000n * 10n ** BigInt(DEV_TEST_TOKEN_DECIMALS);

export type PrepareDevChainParameters = {
  /** An anvil (or other devnet answering `anvil_setBalance`) node. */
  readonly rpcUrl: string;
  /** Where the test tokens' addresses are remembered between runs (JSON). */
  readonly tokensFile: string;
  /** The test tokens to deploy; default all of {@link DEV_TEST_TOKENS}. */
  readonly tokens?: readonly DevTestToken[];
  /** The network Kassa watches the chain as; default the `DEV` network ({@link describeDevNetwork}). */
  readonly describeNetwork?: (p: DescribeDevChainNetworkParameters) => Network;
};

/** What a network over a prepared devnet is described from. */
export type DescribeDevChainNetworkParameters = {
  readonly chainId: number;
  readonly rpcUrl: string;
  /** Where each deployed test token is. */
  readonly tokenContracts: Readonly<Partial<Record<DevTestTokenSymbol, Address>>>;
};

export type PrepareDevChainReturnType = {
  readonly chainId: number;
  readonly testAccount: DevTestAccount;
  /** By default the `DEV` network: 1 confirmation, {@link DEV_XPUB}, test USDT and USDC. */
  readonly network: Network;
  /**
   * The tokens remembered for this chain id had no code: the chain was reset (its state file lost),
   * so payments recorded earlier are no longer on it.
   */
  readonly wasReset: boolean;
};

type TokenContracts = Partial<Record<DevTestTokenSymbol, Address>>;
type RememberedTokens = { readonly chainId: number; readonly tokens: TokenContracts };
type DevChainClient = ReturnType<typeof createDevChainClient>;
/** The devnet as the test account sees it. */
type DevChainContext = {
  readonly client: DevChainClient;
  readonly rpcUrl: string;
  readonly testAccount: DevTestAccount;
};

/**
 * Readies a devnet for the sandbox: deploys the test USDT and USDC once (re-using the remembered
 * contracts while their code is still on the chain, redeploying on a fresh chain), funds the test
 * account with ether and both tokens, and describes the `DEV` network Kassa watches.
 *
 * @example
 * const { network, testAccount } = await prepareDevChain({ rpcUrl, tokensFile: './data/dev-chain.json' });
 */
export async function prepareDevChain({
  rpcUrl,
  tokensFile,
  tokens = DEV_TEST_TOKENS,
  describeNetwork = (p) => describeDevNetwork({ ...p, xpub: DEV_XPUB }),
}: PrepareDevChainParameters): Promise<PrepareDevChainReturnType> {
  const testAccount = getDevTestAccount();
  const client = createDevChainClient(rpcUrl, testAccount);
  const context: DevChainContext = { client, rpcUrl, testAccount };
  const chainId = await client.getChainId();
  await fundTestAccount(context);

  const remembered = readRememberedTokens(tokensFile, chainId);
  const tokenContracts: TokenContracts = {};
  let wasReset = false;
  for (const { symbol, name } of tokens) {
    const known = remembered[symbol];
    const hasCode = known !== undefined && ((await client.getCode({ address: known })) ?? '0x') !== '0x';
    if (known !== undefined && !hasCode) wasReset = true;
    const address = hasCode
      ? known
      : await deployTestToken({
          rpcUrl,
          privateKey: testAccount.privateKey,
          name,
          symbol,
          decimals: DEV_TEST_TOKEN_DECIMALS,
        });
    tokenContracts[symbol] = address;
    await topUpTestToken(context, address);
  }
  const remember: RememberedTokens = { chainId, tokens: tokenContracts };
  writeFileSync(tokensFile, `${JSON.stringify(remember, null, 2)}\n`);
  return {
    chainId,
    testAccount,
    wasReset,
    network: describeNetwork({ chainId, rpcUrl, tokenContracts }),
  };
}

function createDevChainClient(rpcUrl: string, testAccount: DevTestAccount) {
  const account = privateKeyToAccount(testAccount.privateKey);
  return createWalletClient({ account, transport: http(rpcUrl) }).extend(publicActions);
}

async function fundTestAccount({ client, rpcUrl, testAccount: { address } }: DevChainContext): Promise<void> {
  if ((await client.getBalance({ address })) >= MIN_TEST_ACCOUNT_BALANCE_WEI) return;
  try {
    await createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).setBalance({
      address,
      value: TEST_ACCOUNT_BALANCE_WEI,
    });
  } catch (error) {
    // The test account's key is public: refusing anything but a devnet keeps real funds out of it.
    throw new Error(`${rpcUrl} is not an anvil devnet (anvil_setBalance failed); kassa dev needs one`, {
      cause: error,
    });
  }
}

async function topUpTestToken({ client, rpcUrl, testAccount }: DevChainContext, token: Address): Promise<void> {
  const { address, privateKey } = testAccount;
  const balance = await client.readContract({
    address: token,
    abi: kassaTestTokenAbi,
    functionName: 'balanceOf',
    args: [address],
  });
  if (balance >= MIN_TEST_TOKEN_BALANCE) return;
  await mintTestToken({ rpcUrl, privateKey, token, to: address, amount: TEST_TOKEN_MINT });
}

function readRememberedTokens(file: string, chainId: number): TokenContracts {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON; delete it and the test tokens are deployed afresh`, { cause: error });
  }
  const value = parsed as Partial<RememberedTokens> | null;
  // Another chain's contracts mean nothing here (a different --rpc-url): deploy anew.
  if (value?.chainId !== chainId || typeof value.tokens !== 'object' || value.tokens === null) return {};
  const tokens: TokenContracts = {};
  for (const { symbol } of DEV_TEST_TOKENS) {
    const address = (value.tokens as Record<string, unknown>)[symbol];
    if (typeof address === 'string' && isAddress(address, { strict: false })) tokens[symbol] = getAddress(address);
  }
  return tokens;
}
