import type { LocalAccount, PublicClient } from 'viem';
import type { FundsStore, SweepMovement } from '../../../../core/ports/FundsStore.ts';
import type { SignedSweep } from '../../../../core/sweep/SignedSweep.ts';
import type { SweepPlan } from '../../../../core/sweep/SweepPlan.ts';
import type { SweepJournal } from './createSweepJournal.ts';
import type { SweepSendTransaction } from './SweepSendReport.ts';

/** What one `send` run works with, and what it has found so far (filled in as it goes). */
export type SweepSendContext = {
  readonly signed: SignedSweep;
  readonly plan: SweepPlan;
  readonly publicClient: PublicClient;
  readonly gasWallet: LocalAccount;
  readonly funds: FundsStore;
  readonly journal: SweepJournal;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly receiptTimeoutMs: number;
  /** Lower-case plan address → its `xpub/0/<index>`. */
  readonly indexes: ReadonlyMap<string, number>;
  readonly transactions: Map<string, SweepSendTransaction>;
  readonly movements: SweepMovement[];
  readonly failed: Map<string, string>;
};
