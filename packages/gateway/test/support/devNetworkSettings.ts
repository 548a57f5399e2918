/** The DEV chain's USDT: the first contract anvil's default account deploys. */
export const USDT_DEV = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

/**
 * The `DEV` entry of a `networks` config section, as an operator writes it: USDT and ETH on the
 * dev chain, at an RPC port nothing answers (the tests that use it never reach a chain).
 */
export const DEV_NETWORK_SETTINGS = {
  chainId: 31337,
  rpcUrls: ['http://127.0.0.1:9'],
  confirmations: 1,
  blockTimeSeconds: 1,
  tokens: [
    { symbol: 'USDT', name: 'Tether USD', contract: USDT_DEV, decimals: 6, stable: true },
    { symbol: 'ETH', name: 'Ether', native: true },
  ],
} as const;
