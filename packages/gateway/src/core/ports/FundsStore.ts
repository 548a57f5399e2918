/** A deposit address that may hold funds: the one an order was quoted on, with its derivation. */
export type DepositAddress = {
  /** Lower-case. */
  readonly address: string;
  /** `xpub/0/<index>`. */
  readonly index: number;
  /** Hash of the xpub the address derives from (see `getXpubId`). */
  readonly xpubId: string;
};

/** What one sweep transaction moved out of one deposit address (to the destination). */
export type SweepMovement = {
  /** Lower-case deposit address. */
  readonly address: string;
  readonly index: number;
  /** Lower-case token contract; null for the native coin. */
  readonly contract: string | null;
  readonly amount: bigint;
};

/**
 * A mined sweep transaction, as recorded from its receipt:
 * - `topup`: the gas wallet sent a deposit address gas money (`valueWei`), no movement;
 * - `deposit`: a deposit address sent its tokens or native coin itself (topup strategy);
 * - `batch`: the gas wallet's EIP-7702 transaction that swept many addresses.
 */
export type SweepTransactionRecord = {
  readonly networkKey: string;
  /** Lower-case transaction hash. */
  readonly txid: string;
  readonly planId: string;
  readonly kind: 'topup' | 'deposit' | 'batch';
  /** Lower-case sender. */
  readonly from: string;
  /**
   * Lower-case recipient of the transaction: the deposit address for a top-up, the token contract
   * or the destination for a deposit's own transfer, the sweeper for a batch. Top-ups are the one
   * case the ledger reads it for: native coin that reached a deposit address besides payments.
   */
  readonly to: string;
  /** Lower-case destination of the sweep (the plan's). */
  readonly destination: string;
  readonly blockNumber: bigint;
  readonly gasUsed: bigint;
  /** gasUsed × effective gas price. */
  readonly feeWei: bigint;
  /** Native value the transaction carried (top-up amount, native sweep value), wei. */
  readonly valueWei: bigint;
  /** Who paid the fee: the gas wallet (`topup`, `batch`) or the deposit address (`deposit`). */
  readonly paidBy: 'gas_wallet' | 'deposit';
  /** A reverted transaction still cost its fee and moved nothing. */
  readonly status: 'success' | 'reverted';
  readonly recordedAtMs: number;
  readonly movements: readonly SweepMovement[];
};

/** Per network and asset: what came in, what went out, what is left to collect. */
export type FundsLine = {
  readonly networkKey: string;
  /** Lower-case token contract; null for the native coin. */
  readonly contract: string | null;
  /** Sum of confirmed payments, base units. */
  readonly received: bigint;
  /** Sum of the movements of recorded sweep transactions that succeeded (a reverted one moved nothing), base units. */
  readonly collected: bigint;
  /** Per address, what was received and not yet collected (never below zero), summed. */
  readonly awaiting: bigint;
  /** Deposit addresses with something awaiting. */
  readonly awaitingAddresses: number;
};

/** Per network: what sweeping cost, in the native coin. */
export type SweepCostLine = {
  readonly networkKey: string;
  readonly transactions: number;
  /** Fees the gas wallet paid (batches, top-ups). */
  readonly gasWalletFeesWei: bigint;
  /** Fees deposit addresses paid from their own (topped-up or native) balance. */
  readonly depositFeesWei: bigint;
  /** Native coin the gas wallet sent as top-ups. */
  readonly topUpsWei: bigint;
};

/** The funds ledger: confirmed payments in, sweeps out. */
export type FundsStore = {
  /** The network's deposit addresses with at least one confirmed payment, ascending by index. */
  listPaidAddresses(networkKey: string): Promise<DepositAddress[]>;
  /** Every deposit address the network ever issued (a quote), paid or not, ascending by index. */
  listIssuedAddresses(networkKey: string): Promise<DepositAddress[]>;
  /**
   * Records a mined sweep transaction and its movements in one transaction; a second call with
   * the same (network, txid) records nothing and returns false (`send` run again after a crash).
   */
  recordSweepTransaction(record: SweepTransactionRecord): Promise<boolean>;
  /** Whether (network, txid) is recorded. */
  hasSweepTransaction(networkKey: string, txid: string): Promise<boolean>;
  /**
   * Notes a transaction the gas wallet is about to broadcast (idempotent), before it is sent: the
   * watcher then never counts a top-up, native coin into a deposit address, as a buyer's payment.
   */
  noteOutgoingTransaction(networkKey: string, txid: string, nowMs: number): Promise<void>;
  /** Which of these transaction hashes (any case) a sweep sent, lower-case. */
  findOutgoingTransactions(networkKey: string, txids: readonly string[]): Promise<Set<string>>;
  /** The ledger per network and asset, ordered by network key then contract (native first). */
  summarizeFunds(): Promise<FundsLine[]>;
  /** What sweeping cost, per network. */
  summarizeSweepCosts(): Promise<SweepCostLine[]>;
};
