import type { CheckoutPendingPayment, CheckoutState } from '../../../app/getCheckoutState.ts';
import type { Network } from '../../../core/network.ts';
import type { Order } from '../../../core/Order.ts';
import type { Payment } from '../../../core/Payment.ts';
import type { Quote } from '../../../core/Quote.ts';
import { summarizeOrder } from '../../../core/summarizeOrder.ts';
import { EVM_NETWORK_KIND } from '../../chains/evm/evmNetworkKind.ts';

/** The fixtures' clock: orders are created now and run for an hour. */
export const NOW = Date.UTC(2026, 10, 20, 12);
export const HOUR = 3_600_000;
const ADDRESS = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const CONTRACT = '0x5fbdb2315678afecb367f032d93f642f64180aa3';

/** The devnet: an EVM network without an explorer. */
export const DEV_NETWORK: Network = {
  key: 'DEV',
  kind: EVM_NETWORK_KIND,
  chainId: 31337,
  standard: 'ERC20',
  rpcUrls: ['http://127.0.0.1:8545'],
  confirmations: 3,
  blockTimeSeconds: 1,
  xpub: 'xpub-not-used-here',
  tokens: [
    {
      tokenId: 'tok-usdt',
      networkKey: 'DEV',
      symbol: 'USDT',
      name: 'Tether USD',
      contract: CONTRACT,
      decimals: 6,
      isStable: true,
    },
  ],
};

export const ORDER: Order = {
  orderId: '202611201200000000000000000000777',
  appId: '900000000000000000000000000000001',
  merchantOrderId: 'M-1',
  kind: 'hosted',
  productName: 'Tea',
  productPrice: '10.5',
  denominatedCurrency: 'USD',
  priceUsdCents: 1050n,
  validPeriodSeconds: 3600,
  returnUrl: 'https://shop.example/thanks?a=1&b="2"',
  notifyUrl: null,
  customValue: null,
  remark: null,
  checkoutToken: 'tokentokentokentoken',
  requestFingerprint: 'f',
  status: { funds: 'none', isOpen: true },
  createdAtMs: NOW,
  expiresAtMs: NOW + HOUR,
  watchUntilMs: NOW + 200 * HOUR,
};

export const QUOTE: Quote = {
  quoteId: 4242,
  orderId: ORDER.orderId,
  networkKey: 'DEV',
  tokenId: 'tok-usdt',
  symbol: 'USDT',
  contract: CONTRACT,
  decimals: 6,
  tokenRate: '1',
  amount: 10_500_000n,
  address: ADDRESS,
  addressIndex: 1,
  xpubId: 'xpubid0123456789',
  createdAtMs: NOW,
  pricedAtMs: NOW,
};

let recordSeq = 0;
/** A confirmed payment into the quote's address, each with its own txid. */
export function confirmed(amount: bigint, confirmedAtMs: number, quote: Quote = QUOTE): Payment {
  return {
    recordId: `rec-${++recordSeq}`,
    orderId: ORDER.orderId,
    quoteId: quote.quoteId,
    networkKey: quote.networkKey,
    txid: `0x${'ab'.repeat(31)}${recordSeq.toString(16).padStart(2, '0')}`,
    logIndex: recordSeq,
    blockNumber: 10n,
    blockHash: `0x${'cd'.repeat(32)}`,
    fromAddress: '0x0000000000000000000000000000000000000001',
    toAddress: quote.address,
    contract: quote.contract,
    amount,
    status: 'success',
    seenAtMs: confirmedAtMs,
    confirmedAtMs,
    failedAtMs: null,
  };
}

type StateOptions = {
  quotes?: Quote[];
  payments?: Payment[];
  pending?: CheckoutPendingPayment[];
  nowMs?: number;
  isQuoteUnpriced?: boolean;
  order?: Order;
  /** The network of every quote and payment (default: the devnet). */
  network?: Network;
};

/** The checkout state of the fixture order, as getCheckoutState would build it. */
export function stateOf(o: StateOptions = {}): CheckoutState {
  const order = o.order ?? ORDER;
  const nowMs = o.nowMs ?? NOW + 60_000;
  const quotes = o.quotes ?? [QUOTE];
  const payments = o.payments ?? [];
  const network = o.network ?? DEV_NETWORK;
  const summary = summarizeOrder({ order, quotes, payments, tolerance: { units: 0n, scale: 0 }, nowMs });
  const isOpen = nowMs < order.expiresAtMs;
  const canChangeCoin = isOpen && payments.length === 0 && (o.pending ?? []).length === 0;
  return {
    order,
    summary,
    network: summary.newestQuote === null ? null : network,
    nowMs,
    isOpen,
    canChangeCoin,
    pendingPayments: o.pending ?? [],
    recordedPayments: payments.map((p) => {
      const quote = quotes.find((q) => q.quoteId === p.quoteId) ?? QUOTE;
      return { txid: p.txid, network, amount: p.amount, symbol: quote.symbol, decimals: quote.decimals };
    }),
    coinOptions: canChangeCoin ? network.tokens.map((token) => ({ token, network, amount: 10_500_000n })) : [],
    isQuoteUnpriced: o.isQuoteUnpriced ?? false,
  };
}
