import type { NetworkKind } from '../../../core/network.ts';
import { buildPaymentUri } from './buildPaymentUri.ts';
import { checksumAddress } from './checksumAddress.ts';
import { parseContractAddress } from './parseContractAddress.ts';

/**
 * EVM networks (Ethereum, BSC, Polygon, the rollups, the devnet): EIP-55 addresses, `0x` txids,
 * EIP-681 payment URIs, Etherscan-style explorer paths, the chain id as the native coin's wire
 * `contract`. Wire addresses keep the form they are held in, as before there were other kinds.
 */
export const EVM_NETWORK_KIND: NetworkKind = Object.freeze({
  name: 'evm',
  coinType: 60,
  formatAddress: checksumAddress,
  formatWireAddress: (address: string) => address,
  formatTxid: (txid: string) => txid,
  formatNativeContract: (chainId: number) => String(chainId),
  parseAddress: parseContractAddress,
  paymentUriHasAmount: true,
  buildPaymentUri,
  buildExplorerUrl: (explorerUrl, target) =>
    'txid' in target ? `${explorerUrl}/tx/${target.txid}` : `${explorerUrl}/address/${target.address}`,
});
