/**
 * The file `kassa sweep plan` writes and `kassa sweep sign` reads: everything the signer needs to
 * know, and nothing secret. Amounts are decimal strings of base units (wei, token units), never
 * numbers; addresses are EIP-55 checksummed. `sign` rebuilds every transaction from these fields
 * and never signs bytes it did not build, so a tampered plan can change what is refused, not
 * what is signed.
 */
export type SweepHex = `0x${string}`;

export const SWEEP_PLAN_FORMAT = 'kassa-sweep-plan';

/**
 * How token balances are moved (native coin always moves with them):
 * - `eip7702`: each deposit address delegates to the sweeper contract, one gas-wallet
 *   transaction per batch moves every address's tokens and native coin to the destination;
 * - `topup`: the gas wallet sends each token-holding address the exact gas its transfers need,
 *   then the address sends its tokens itself (and its native coin, value minus fee).
 */
export type SweepStrategy = 'eip7702' | 'topup';

/** A balance to move. `contract` null is the native coin. */
export type SweepAsset = {
  readonly contract: SweepHex | null;
  readonly symbol: string;
  readonly decimals: number;
  /** Base units, as read from the chain at plan time. */
  readonly amount: string;
};

/** A transaction a deposit address signs (topup strategy): a token transfer or its native sweep. */
export type PlannedTransaction = {
  readonly kind: 'token' | 'native';
  readonly nonce: number;
  /** The token contract (`token`) or the destination (`native`). */
  readonly to: SweepHex;
  /** The token moved; null for `native`. */
  readonly contract: SweepHex | null;
  /** Base units moved to the destination: the token amount, or the native value sent. */
  readonly amount: string;
  readonly gasLimit: string;
};

export type SweepAddressPlan = {
  /** `xpub/0/<index>`. */
  readonly index: number;
  readonly address: SweepHex;
  /** The address's transaction count at plan time. */
  readonly nonce: number;
  /** Live native balance at plan time, wei. */
  readonly native: string;
  /** Live token balances at or above their dust threshold. */
  readonly tokens: readonly SweepAsset[];
  /** topup: wei the gas wallet sends before the address's transactions ("0": none needed). */
  readonly topUp: string;
  /** topup: what the address signs, in nonce order. Empty under eip7702. */
  readonly transactions: readonly PlannedTransaction[];
  /** eip7702: the address is not yet delegated to the sweeper, so it signs an authorization. */
  readonly needsAuthorization: boolean;
};

/** eip7702: one gas-wallet transaction calling `sweepMany` on these addresses. */
export type SweepBatch = {
  readonly addresses: readonly SweepHex[];
  /** Per address (same order), the token contracts its `sweep` moves. */
  readonly tokens: readonly (readonly SweepHex[])[];
  readonly gasLimit: string;
};

/** A balance left where it is, and why. */
export type SweepDust = {
  readonly address: SweepHex;
  readonly index: number;
  readonly contract: SweepHex | null;
  readonly symbol: string;
  readonly amount: string;
  /**
   * `below-threshold` (under the token's dust setting), `below-fee` (native worth less than moving
   * it) or `foreign-code` (eip7702: the address has code other than the delegation to our sweeper,
   * so its balances cannot be swept that way).
   */
  readonly reason: 'below-threshold' | 'below-fee' | 'foreign-code';
};

export type SweepPlan = {
  readonly format: typeof SWEEP_PLAN_FORMAT;
  readonly version: 1;
  /** Random id; the ledger and the send journal name the sweep by it. */
  readonly planId: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly network: { readonly key: string; readonly chainId: number };
  /** The account xpub every address derives from (`xpub/0/<index>`). */
  readonly xpub: string;
  /** Where everything goes: the configured `sweepTo`. */
  readonly destination: SweepHex;
  readonly strategy: SweepStrategy;
  /** eip7702: the sweeper contract for `destination` (its CREATE2 address); null for topup. */
  readonly sweeper: SweepHex | null;
  /** Pays top-ups and batch transactions; signs at `send`. */
  readonly gasWallet: SweepHex;
  /** Legacy gas price (wei) of every deposit-signed transaction and every top-up: fees exact to the wei. */
  readonly gasPrice: string;
  /** eip7702: fee caps of the batch transactions (wei). */
  readonly maxFeePerGas: string;
  readonly maxPriorityFeePerGas: string;
  readonly addresses: readonly SweepAddressPlan[];
  /** eip7702 only; empty for topup. */
  readonly batches: readonly SweepBatch[];
  readonly dust: readonly SweepDust[];
  /** What the destination receives, per asset, if every transaction succeeds. */
  readonly totals: readonly SweepAsset[];
  readonly cost: {
    /** Most the gas wallet spends on fees (batches, top-up transactions), wei. */
    readonly gasWalletFeesWei: string;
    /** What the gas wallet sends to deposit addresses as top-ups, wei. */
    readonly topUpsWei: string;
    /** Native coin the deposit addresses' own transactions pay in fees (deducted from native sweeps), wei. */
    readonly depositFeesWei: string;
    /** Balance the gas wallet needs: fees plus top-ups. */
    readonly gasWalletNeedsWei: string;
  };
};
