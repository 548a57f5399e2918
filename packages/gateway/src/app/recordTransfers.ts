import type { Network, Transfer } from '../core/network.ts';
import type { OrderStatus } from '../core/OrderStatus.ts';
import type { Payment } from '../core/Payment.ts';
import type { ChainBlock, Stores } from '../core/ports.ts';
import type { Quote } from '../core/Quote.ts';
import type { Deps } from './Deps.ts';
import { refreshOrderStatuses } from './refreshOrderStatuses.ts';

/** What a transfer into a deposit address is checked against and recorded for: its quote. */
export type DepositQuote = Pick<Quote, 'quoteId' | 'orderId' | 'contract'>;

export type RecordTransfersDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'networks' | 'metrics'>;

export type RecordTransfersParameters = {
  readonly network: Network;
  /**
   * Every block of the scanned range, ascending, the first one the child of the cursor's parent.
   * The last one is the head as far as this watcher has verified the chain: confirmations count to it.
   */
  readonly blocks: readonly ChainBlock[];
  /** Transfers into watched addresses found in those blocks. */
  readonly transfers: readonly Transfer[];
  /**
   * The watched quote a transfer of `contract` (null: the native coin) into this deposit address
   * (lower-case) pays. An order's quotes on one network share its address, so: the newest of them
   * in that coin, else any quote of the address (which the transfer then does not pay).
   */
  readonly findQuote: (lowercaseAddress: string, contract: string | null) => DepositQuote | undefined;
  /** How many of the newest blocks to keep for reorg detection. */
  readonly retainedBlocks: number;
  /**
   * On a network that confirms by finality, the newest block its node reports final: a payment
   * counts once its block is at or below it (and below the verified head), not by depth.
   */
  readonly finalizedBlockNumber?: bigint;
};

export type RecordTransfersReturnType = {
  /** Payments inserted now (`processing`, or `success` when already deep enough). */
  readonly recorded: readonly Payment[];
  /** Earlier `processing` payments that reached the network's confirmations. */
  readonly confirmed: readonly Payment[];
  /**
   * Transfers into a deposit address that pay none of its quotes: a token the order was not quoted
   * in on that network (e.g. USDC sent to an address whose order has only USDT quotes) or a zero
   * amount (address-poisoning spam). They are not recorded and do not count; the caller logs them
   * for the operator.
   */
  readonly unmatched: readonly Transfer[];
  /** New status of every order whose payments changed. */
  readonly orderStatuses: ReadonlyMap<string, OrderStatus>;
};

/**
 * Commits one scanned block range in ONE transaction: inserts the payments (idempotently, by the
 * transfer's unique key), confirms the `processing` payments now deep enough, recomputes the
 * statuses of the orders concerned and writes their webhooks, keeps the range's block hashes and
 * moves the cursor past the range.
 *
 * One transaction per range rather than per payment: the cursor must move together with what was
 * found below it, so a crash at any point either keeps the whole range (cursor moved) or none of
 * it (the range is scanned again, and the unique key makes the rescan record nothing twice). It
 * also costs one commit per range instead of one per payment, and ranges are bounded, so the
 * transaction stays short.
 */
export async function recordTransfers(
  deps: RecordTransfersDeps,
  { network, blocks, transfers, findQuote, retainedBlocks, finalizedBlockNumber }: RecordTransfersParameters,
): Promise<RecordTransfersReturnType> {
  const last = blocks[blocks.length - 1];
  if (last === undefined) throw new RangeError('recordTransfers needs at least one block');
  const nowMs = deps.clock.now();
  // A payment in a block has one confirmation; a network configured with 0 means "as soon as seen".
  const confirmations = BigInt(Math.max(1, network.confirmations));
  // A final block the node reports beyond what this watcher verified (another node behind a load
  // balancer) counts only up to the verified head.
  const isDeepEnough =
    finalizedBlockNumber === undefined
      ? (blockNumber: bigint) => last.blockNumber - blockNumber + 1n >= confirmations
      : (blockNumber: bigint) => blockNumber <= finalizedBlockNumber && blockNumber <= last.blockNumber;

  const matched: { transfer: Transfer; quote: DepositQuote }[] = [];
  const unmatched: Transfer[] = [];
  const ownTransactions = await findSweepTopUps(deps, network.key, transfers);
  for (const transfer of transfers) {
    // A sweep's top-up is the gateway's own gas money, not a buyer's payment: neither counted nor warned of.
    if (ownTransactions.has(transfer.txid.toLowerCase())) continue;
    const quote = findQuote(transfer.to, transfer.contract);
    if (quote !== undefined && isPaymentOf(transfer, quote)) matched.push({ transfer, quote });
    else unmatched.push(transfer);
  }

  let paidOrders = 0;
  const result = await deps.store.transaction(async (tx) => {
    paidOrders = 0;
    const recorded: Payment[] = [];
    for (const { transfer, quote } of matched) {
      const isConfirmed = isDeepEnough(transfer.blockNumber);
      const payment: Payment = {
        recordId: deps.ids.createId(),
        orderId: quote.orderId,
        quoteId: quote.quoteId,
        networkKey: network.key,
        txid: transfer.txid,
        logIndex: transfer.logIndex,
        blockNumber: transfer.blockNumber,
        blockHash: transfer.blockHash,
        fromAddress: transfer.from,
        toAddress: transfer.to,
        contract: transfer.contract,
        amount: transfer.amount,
        status: isConfirmed ? 'success' : 'processing',
        seenAtMs: nowMs,
        confirmedAtMs: isConfirmed ? nowMs : null,
        failedAtMs: null,
      };
      if (await tx.payments.insertPayment(payment)) recorded.push(payment);
    }

    const confirmed = await confirmDeepPayments(tx, network.key, isDeepEnough, nowMs);
    await tx.chain.saveBlocks(network.key, blocks);
    await tx.chain.pruneBlocks(network.key, last.blockNumber - BigInt(retainedBlocks) + 1n);
    await tx.chain.setCursor(network.key, last.blockNumber + 1n, nowMs);
    const orderStatuses = await refreshOrderStatuses(
      { tx, ids: deps.ids, networks: deps.networks },
      { changedPayments: [...recorded, ...confirmed], nowMs, onPaid: () => paidOrders++ },
    );
    return { recorded, confirmed, unmatched, orderStatuses };
  });
  if (paidOrders > 0) deps.metrics?.countOrdersPaid(paidOrders);
  return result;
}

/** The native transfers in `transfers` that a sweep's gas wallet sent (top-ups), by lower-case txid. */
async function findSweepTopUps(
  deps: RecordTransfersDeps,
  networkKey: string,
  transfers: readonly Transfer[],
): Promise<Set<string>> {
  const native = transfers.filter((transfer) => transfer.contract === null).map((transfer) => transfer.txid);
  return native.length === 0 ? new Set() : deps.store.funds.findOutgoingTransactions(networkKey, native);
}

/** A transfer pays a quote only in the quote's own coin: the same token contract, or both native. */
function isPaymentOf(transfer: Transfer, quote: DepositQuote): boolean {
  if (transfer.amount <= 0n) return false;
  const quoteContract = quote.contract === null ? null : quote.contract.toLowerCase();
  return transfer.contract === quoteContract;
}

async function confirmDeepPayments(
  tx: Stores,
  networkKey: string,
  isDeepEnough: (blockNumber: bigint) => boolean,
  nowMs: number,
): Promise<Payment[]> {
  const confirmed: Payment[] = [];
  for (const payment of await tx.payments.listProcessingPayments(networkKey)) {
    if (!isDeepEnough(payment.blockNumber)) continue;
    // confirmed_at is the clock at confirmation: the "(Overdue)" rule compares it with expiry.
    if (await tx.payments.markPaymentConfirmed(payment.recordId, nowMs)) {
      confirmed.push({ ...payment, status: 'success', confirmedAtMs: nowMs });
    }
  }
  return confirmed;
}
