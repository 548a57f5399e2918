import type { Decimal } from './money/Decimal.ts';

/** A merchant credential and its settings. `secret` is plaintext only in memory. */
export type App = {
  readonly appId: string;
  readonly name: string;
  readonly secret: string;
  readonly webhookUrl: string | null;
  /** Fraction of each payment kept as service fee (spec §10); 0 by default. */
  readonly feeRate: Decimal;
  /** Fraction of the amount due that still counts as paid in full, both directions. */
  readonly paymentTolerance: Decimal;
  /** Also send `processing` webhooks when a payment is first seen in a block. */
  readonly notifyProcessing: boolean;
  /**
   * The token ids the merchant takes, or null for every token on offer (the default). A token the
   * app does not take is left out of its coin lists and refused for its orders.
   */
  readonly enabledTokenIds: readonly string[] | null;
  /**
   * Set when the operator disabled the app: its API credentials stop working at once. Orders it
   * already made keep being watched and their webhooks keep being sent, so no buyer's money is lost.
   */
  readonly disabledAtMs: number | null;
  readonly createdAtMs: number;
};
