import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type Address,
  createTestClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  isAddress,
  publicActions,
  toHex,
} from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import type { Network, Token } from '../../../core/network.ts';
import { deployTestToken } from './deployTestToken.ts';
import { deriveTokenId } from './deriveTokenId.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';
import { ANVIL_DEFAULT_MNEMONIC } from './startAnvil.ts';

/** The key of the sandbox network, as `chain` on the wire. */
export const DEV_NETWORK_KEY = 'DEV';

/**
 * The xpub the sandbox derives deposit addresses from: `m/44'/60'/2'` of anvil's public dev
 * mnemonic. Not account 0', whose addresses anvil pre-funds and every devnet tool sends from, and
 * not 1', the test account's: a payment from the test account never lands on a deposit address.
 * The keys are public, so the sandbox can sweep its deposits; nothing real may ever be sent there.
 */
export const DEV_XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/2'" }).getHdKey()
  .publicExtendedKey;

const TEST_TOKENS = [
  { symbol: 'USDT', name: 'Tether USD' },
  { symbol: 'USDC', name: 'USD Coin' },
] as const;
const TEST_TOKEN_DECIMALS = 6;
type TestTokenSymbol = (typeof TEST_TOKENS)[number]['symbol'];

const TEST_ACCOUNT_BALANCE_WEI = 10_000n * 10n ** 18n;
// Topped up when it falls below these, so a sandbox used for months never runs dry.
const MIN_TEST_ACCOUNT_BALANCE_WEI = 100n * 10n ** 18n;
const TEST_TOKEN_MINT = 1_000_000n * 10n ** BigInt(TEST_TOKEN_DECIMALS);
const MIN_TEST_TOKEN_BALANCE = 100_000n * 10n ** BigInt(TEST_TOKEN_DECIMALS);

export type PrepareDevChainParameters = {
  /** An anvil (or other devnet answering `anvil_setBalance`) node. */
  readonly rpcUrl: string;
  /** Where the test tokens' addresses are remembered between runs (JSON). */
  readonly tokensFile: string;
};

/** The account the sandbox wallet and `npm run demo` pay from. */
export type DevTestAccount = { readonly address: Address; readonly privateKey: Hex };

export type PrepareDevChainReturnType = {
  readonly chainId: number;
  readonly testAccount: DevTestAccount;
  /** The `DEV` network: 1 confirmation, {@link DEV_XPUB}, test USDT and USDC. */
  readonly network: Network;
  /**
   * The tokens remembered for this chain id had no code: the chain was reset (its state file lost),
   * so payments recorded earlier are no longer on it.
   */
  readonly wasReset: boolean;
};

type RememberedTokens = { readonly chainId: number; readonly tokens: Partial<Record<TestTokenSymbol, Address>> };

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
}: PrepareDevChainParameters): Promise<PrepareDevChainReturnType> {
  const testAccount = getDevTestAccount();
  const account = privateKeyToAccount(testAccount.privateKey);
  const client = createWalletClient({ account, transport: http(rpcUrl) }).extend(publicActions);
  const chainId = await client.getChainId();

  if ((await client.getBalance({ address: account.address })) < MIN_TEST_ACCOUNT_BALANCE_WEI) {
    try {
      await createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).setBalance({
        address: account.address,
        value: TEST_ACCOUNT_BALANCE_WEI,
      });
    } catch (error) {
      // The test account's key is public: refusing anything but a devnet keeps real funds out of it.
      throw new Error(`${rpcUrl} is not an anvil devnet (anvil_setBalance failed); kassa dev needs one`, {
        cause: error,
      });
    }
  }

  const remembered = readRememberedTokens(tokensFile, chainId);
  const addresses: Partial<Record<TestTokenSymbol, Address>> = {};
  let wasReset = false;
  for (const { symbol, name } of TEST_TOKENS) {
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
          decimals: TEST_TOKEN_DECIMALS,
        });
    addresses[symbol] = address;
    const balance = await client.readContract({
      address,
      abi: kassaTestTokenAbi,
      functionName: 'balanceOf',
      args: [account.address],
    });
    if (balance < MIN_TEST_TOKEN_BALANCE) {
      const hash = await client.writeContract({
        address,
        abi: kassaTestTokenAbi,
        functionName: 'mint',
        args: [account.address, TEST_TOKEN_MINT],
        chain: null,
      });
      await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    }
  }
  const remember: RememberedTokens = { chainId, tokens: addresses };
  writeFileSync(tokensFile, `${JSON.stringify(remember, null, 2)}\n`);

  const tokens = TEST_TOKENS.map(({ symbol, name }): Token => {
    const contract = addresses[symbol];
    if (contract === undefined) throw new Error(`test token ${symbol} was not deployed`);
    return {
      tokenId: deriveTokenId(DEV_NETWORK_KEY, contract),
      networkKey: DEV_NETWORK_KEY,
      symbol,
      name,
      contract,
      decimals: TEST_TOKEN_DECIMALS,
      isStable: true,
    };
  });
  return {
    chainId,
    testAccount,
    wasReset,
    network: {
      key: DEV_NETWORK_KEY,
      chainId,
      standard: 'ERC20',
      rpcUrls: [rpcUrl],
      confirmations: 1,
      blockTimeSeconds: 1,
      xpub: DEV_XPUB,
      tokens,
    },
  };
}

/** The funded sandbox payer: `m/44'/60'/1'/0/0` of anvil's public dev mnemonic. */
function getDevTestAccount(): DevTestAccount {
  const key = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 1 }).getHdKey().privateKey;
  if (key === null) throw new Error('the dev mnemonic yields no private key');
  const privateKey = toHex(key);
  return { address: privateKeyToAccount(privateKey).address, privateKey };
}

function readRememberedTokens(file: string, chainId: number): Partial<Record<TestTokenSymbol, Address>> {
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
  const tokens: Partial<Record<TestTokenSymbol, Address>> = {};
  for (const { symbol } of TEST_TOKENS) {
    const address = (value.tokens as Record<string, unknown>)[symbol];
    if (typeof address === 'string' && isAddress(address, { strict: false })) tokens[symbol] = getAddress(address);
  }
  return tokens;
}
