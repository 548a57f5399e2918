import type { NetworkKind } from '../../../core/network.ts';
import { formatTronAddress } from './formatTronAddress.ts';
import { parseTronAddress } from './parseTronAddress.ts';

/**
 * TRON: Base58Check `T…` addresses everywhere a person or a merchant reads one (the API, webhooks,
 * the checkout), txids without `0x` as TronScan and wallets write them, `chain` `TRX` on the wire
 * and `TRX` as the native coin's `contract`.
 *
 * The QR code holds the bare address. TRON has no payment-URI standard that wallets share (no
 * EIP-681 counterpart): TronLink's scanner takes only an address, and a `tron:` URI with an amount
 * is read by some wallets and refused by others, so the buyer types the amount, which the page
 * shows with a copy button beside it.
 */
export const TRON_NETWORK_KIND: NetworkKind = Object.freeze({
  name: 'tron',
  coinType: 195,
  wireChain: 'TRX',
  formatAddress: formatTronAddress,
  formatWireAddress: formatTronAddress,
  formatTxid: (txid: string) => (txid.startsWith('0x') ? txid.slice(2) : txid),
  formatNativeContract: () => 'TRX',
  parseAddress: parseTronAddress,
  paymentUriHasAmount: false,
  buildPaymentUri: ({ to }) => formatTronAddress(to),
  buildExplorerUrl: (explorerUrl, target) =>
    'txid' in target
      ? `${explorerUrl}/#/transaction/${target.txid.replace(/^0x/, '')}`
      : `${explorerUrl}/#/address/${formatTronAddress(target.address)}`,
});
