import type { Address } from 'viem';
import type { Network, Token } from '../../../core/network.ts';
import { deriveTokenId } from './deriveTokenId.ts';
import { DEV_TEST_TOKEN_DECIMALS, DEV_TEST_TOKENS, type DevTestTokenSymbol } from './devTestTokens.ts';
import { EVM_NETWORK_KIND } from './evmNetworkKind.ts';

/** The key of the sandbox network, as `chain` on the wire. */
export const DEV_NETWORK_KEY = 'DEV';

export type DescribeDevNetworkParameters = {
  readonly chainId: number;
  readonly rpcUrl: string;
  /** Where deposit addresses are derived from. */
  readonly xpub: string;
  /** Where each test token is deployed; every one of {@link DEV_TEST_TOKENS} must be there. */
  readonly tokenContracts: Readonly<Partial<Record<DevTestTokenSymbol, Address>>>;
  /** Also list the chain's native coin (ETH, 18 decimals). Default false. */
  readonly withNativeCoin?: boolean;
};

/**
 * The `DEV` network over a devnet: 1 confirmation, the test USDT and USDC (and, if asked, ETH).
 *
 * @example
 * const network = describeDevNetwork({ chainId, rpcUrl, xpub: DEV_XPUB, tokenContracts: { USDT, USDC } });
 */
export function describeDevNetwork(p: DescribeDevNetworkParameters): Network {
  const tokens = DEV_TEST_TOKENS.map(({ symbol, name }): Token => {
    const contract = p.tokenContracts[symbol];
    // Callers deploy every test token before describing the network.
    if (contract === undefined) throw new Error(`test token ${symbol} was not deployed`);
    const tokenId = deriveTokenId(DEV_NETWORK_KEY, contract);
    return {
      tokenId,
      networkKey: DEV_NETWORK_KEY,
      symbol,
      name,
      contract,
      decimals: DEV_TEST_TOKEN_DECIMALS,
      isStable: true,
    };
  });
  if (p.withNativeCoin === true) {
    const tokenId = deriveTokenId(DEV_NETWORK_KEY, null);
    tokens.push({
      tokenId,
      networkKey: DEV_NETWORK_KEY,
      symbol: 'ETH',
      name: 'Ether',
      contract: null,
      decimals: 18,
      isStable: false,
    });
  }
  return {
    key: DEV_NETWORK_KEY,
    kind: EVM_NETWORK_KIND,

    chainId: p.chainId,
    standard: 'ERC20',
    rpcUrls: [p.rpcUrl],
    confirmations: 1,
    blockTimeSeconds: 1,
    xpub: p.xpub,
    tokens,
  };
}
