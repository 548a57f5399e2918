import type { Hex } from 'viem';
import type { SweepTransactionRecord } from '../../../../core/ports/FundsStore.ts';
import type { SweepStrategy } from '../../../../core/sweep/SweepPlan.ts';

/** One mined transaction of the sweep, whether this run or an earlier one sent it. */
export type SweepSendTransaction = {
  readonly kind: SweepTransactionRecord['kind'];
  readonly hash: Hex;
  /** Lower-case deposit address it served (top-up, deposit); null for a batch. */
  readonly address: string | null;
  /** The batch's index in the plan; null for top-ups and deposit transactions. */
  readonly batch: number | null;
  readonly status: SweepTransactionRecord['status'];
  readonly gasUsed: bigint;
  readonly feeWei: bigint;
  readonly valueWei: bigint;
  readonly paidBy: SweepTransactionRecord['paidBy'];
  /** False when an earlier run already recorded it in the ledger. */
  readonly isNewlyRecorded: boolean;
};

/** What `kassa sweep send` did, for `formatSweepSendReport`. Amounts in base units. */
export type SweepSendReport = {
  readonly planId: string;
  readonly networkKey: string;
  readonly strategy: SweepStrategy;
  readonly destination: Hex;
  /** The network's native coin symbol (from the plan's totals or dust; `native` when they name none). */
  readonly nativeSymbol: string;
  readonly transactions: readonly SweepSendTransaction[];
  /** Per asset (native first, then the plan's token order), what reached the destination. Native is 18 decimals. */
  readonly moved: readonly {
    readonly contract: string | null;
    readonly symbol: string;
    readonly decimals: number;
    readonly amount: bigint;
  }[];
  readonly gasWalletFeesWei: bigint;
  readonly depositFeesWei: bigint;
  readonly topUpsWei: bigint;
  /** Deposit addresses not swept, and why (the operator plans again for them). */
  readonly failed: readonly { readonly address: string; readonly index: number; readonly reason: string }[];
  /** Native coin left in each swept deposit address afterwards (top-up: unused gas; eip7702: 0). */
  readonly leftover: readonly { readonly address: string; readonly index: number; readonly nativeWei: bigint }[];
};
