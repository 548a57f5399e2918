import { mnemonicToSeedSync } from '@scure/bip39';
import type { Address } from 'viem';
import { HDKey } from 'viem/accounts';
import type { Network, Token } from '../../../core/network.ts';
import { deriveTokenId } from '../evm/deriveTokenId.ts';
import { DEV_TEST_TOKEN_DECIMALS } from '../evm/devTestTokens.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../evm/startAnvil.ts';
import { TRON_NETWORK_KIND } from './tronNetworkKind.ts';

/** The key of the sandbox's simulated TRON network (its wire `chain` is `TRX`, as on every TRON network). */
export const TRON_DEV_NETWORK_KEY = 'TRON_DEV';

/** The simulated TRON chain's id: not anvil's default 31337, so its state file is never mistaken for the DEV chain's. */
export const TRON_DEV_CHAIN_ID = 31338;

/**
 * The xpub the simulated TRON network derives deposit addresses from: the TRON account key
 * `m/44'/195'/0'` of anvil's public dev mnemonic, so deposit i is `m/44'/195'/0'/0/i` as in a TRON
 * wallet restored from that phrase. The test account (`m/44'/60'/1'/0/0`) is never one of them.
 */
export const TRON_DEV_XPUB = HDKey.fromMasterSeed(mnemonicToSeedSync(ANVIL_DEFAULT_MNEMONIC)).derive(
  "m/44'/195'/0'",
).publicExtendedKey;

export type DescribeTronDevNetworkParameters = {
  readonly chainId: number;
  /** The simulator's JSON-RPC (`<url>/jsonrpc`). */
  readonly rpcUrl: string;
  /** The simulator's base URL, which answers the node HTTP API (`/wallet/…`). */
  readonly httpApiUrl: string;
  /** Where the test USDT is deployed on the simulated chain. */
  readonly tokenContracts: Readonly<{ USDT?: Address }>;
  /** Default `TRON_DEV`; tests that want the page and wire of the built-in network pass `TRON`. */
  readonly key?: string;
};

/**
 * The `TRON_DEV` network of `kassa dev`: an anvil chain read through the TRON reader, T… addresses
 * on every surface, test USDT (TRC-20, 6 decimals) and TRX (6 decimals: 1 sun is 1 wei of anvil).
 * A payment counts once its block is final, which anvil reports two blocks on; 2 is what buyers see.
 *
 * @example
 * const network = describeTronDevNetwork({ chainId: 31338, rpcUrl: `${sim.url}/jsonrpc`, httpApiUrl: sim.url, tokenContracts: { USDT } });
 */
export function describeTronDevNetwork(p: DescribeTronDevNetworkParameters): Network {
  const usdt = p.tokenContracts.USDT;
  // Callers deploy the test USDT before describing the network.
  if (usdt === undefined) throw new Error('test token USDT was not deployed');
  // TRON tokens hold their contract as lower-case hex, as the config does for the built-in TRON network.
  const contract = usdt.toLowerCase() as `0x${string}`;
  const key = p.key ?? TRON_DEV_NETWORK_KEY;
  const tokens: Token[] = [
    {
      tokenId: deriveTokenId(key, contract),
      networkKey: key,
      symbol: 'USDT',
      name: 'Tether USD',
      contract,
      decimals: DEV_TEST_TOKEN_DECIMALS,
      isStable: true,
    },
    {
      tokenId: deriveTokenId(key, null),
      networkKey: key,
      symbol: 'TRX',
      name: 'TRX',
      contract: null,
      decimals: 6,
      isStable: false,
    },
  ];
  return {
    key,
    kind: TRON_NETWORK_KIND,
    chainId: p.chainId,
    standard: 'TRC20',
    rpcUrls: [p.rpcUrl],
    httpApiUrls: [p.httpApiUrl],
    confirmations: 2,
    blockTimeSeconds: 1,
    xpub: TRON_DEV_XPUB,
    tokens,
    isSimulated: true,
  };
}
