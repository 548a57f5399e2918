import type { Network } from '../../../core/network.ts';
import type { Quote } from '../../../core/Quote.ts';
import { TRON_NETWORK_KIND } from '../../chains/tron/tronNetworkKind.ts';
import { QUOTE } from './checkoutStateFixtures.ts';

/** USDT's TRC-20 contract, as held (hex) and as TRON writes it. */
const USDT_HEX = '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c';
export const USDT_T = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
/** The fixture deposit address, as held and as TRON writes it (0x41 ‖ bytes, Base58Check). */
const ADDRESS_HEX = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
export const ADDRESS_T = 'TLEaY8XoqpBmndLsjcfThgdKLN1ssNuUcF';

/** A TRON network's parts but its key, URLs and explorer. */
function describeTronNetwork(key: string, rpcUrl: string): Network {
  const token = (symbol: string, contract: `0x${string}` | null, isStable: boolean) => ({
    tokenId: `tok-${key}-${symbol}`,
    networkKey: key,
    symbol,
    name: symbol === 'USDT' ? 'Tether USD' : symbol,
    contract,
    decimals: 6,
    isStable,
  });
  return {
    key,
    kind: TRON_NETWORK_KIND,
    chainId: 728126428,
    standard: 'TRC20',
    rpcUrls: [`${rpcUrl}/jsonrpc`],
    httpApiUrls: [rpcUrl],
    confirmations: 19,
    blockTimeSeconds: 3,
    xpub: 'xpub-not-used-here',
    tokens: [token('USDT', USDT_HEX, true), token('TRX', null, false)],
  };
}

/** The built-in TRON network, with TronScan as its explorer. */
export const TRON_NETWORK: Network = {
  ...describeTronNetwork('TRON', 'https://api.trongrid.io'),
  explorerUrl: 'https://tronscan.org',
};

/** The sandbox's simulated TRON network: TRON's kind on a local chain, no explorer. */
export const TRON_DEV_NETWORK: Network = {
  ...describeTronNetwork('TRON_DEV', 'http://127.0.0.1:8546'),
  isSimulated: true,
};

/** The fixture order's quote in USDT on TRON, to the fixture deposit address. */
export const TRON_QUOTE: Quote = {
  ...QUOTE,
  networkKey: 'TRON',
  tokenId: 'tok-TRON-USDT',
  contract: USDT_HEX,
  address: ADDRESS_HEX,
};

/** The same quote on the sandbox's simulated TRON network. */
export const TRON_DEV_QUOTE: Quote = { ...TRON_QUOTE, networkKey: 'TRON_DEV', tokenId: 'tok-TRON_DEV-USDT' };
