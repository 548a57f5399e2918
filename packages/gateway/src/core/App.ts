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
  readonly createdAtMs: number;
};
