import type { SweepHex, SweepPlan } from './SweepPlan.ts';

export const SIGNED_SWEEP_FORMAT = 'kassa-sweep-signed';

/** A deposit-signed transaction, ready to broadcast: its hash is known before it is sent. */
export type SignedDepositTransaction = {
  readonly address: SweepHex;
  readonly kind: 'token' | 'native';
  readonly nonce: number;
  readonly hash: SweepHex;
  /** RLP-serialized signed transaction. */
  readonly raw: SweepHex;
};

/** An EIP-7702 authorization a deposit address signed for the plan's sweeper. */
export type SignedAuthorization = {
  readonly address: SweepHex;
  readonly chainId: number;
  readonly contract: SweepHex;
  readonly nonce: number;
  readonly r: SweepHex;
  readonly s: SweepHex;
  readonly yParity: number;
};

/**
 * The file `kassa sweep sign` writes and `kassa sweep send` reads: the plan as signed, with the
 * signatures. No key, seed or derivation secret is in it: only signed transactions and
 * authorizations, which are useless for anything but this sweep.
 */
export type SignedSweep = {
  readonly format: typeof SIGNED_SWEEP_FORMAT;
  readonly version: 1;
  readonly plan: SweepPlan;
  /** topup: every deposit address's transactions, in nonce order per address. */
  readonly transactions: readonly SignedDepositTransaction[];
  /** eip7702: one per plan address with `needsAuthorization`. */
  readonly authorizations: readonly SignedAuthorization[];
};
