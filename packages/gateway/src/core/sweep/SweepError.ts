import { BaseError } from '../BaseError.ts';

/**
 * A sweep step refused or could not finish, for a reason the operator can act on: a plan that does
 * not match the signer's expectations, a malformed file, a fee cap the chain has outgrown, a gas
 * wallet that is short. `kassa sweep` prints the message as one line and exits 1. The message
 * never carries a secret: callers build it from public data only.
 */
export class SweepError extends BaseError {
  override readonly name = 'SweepError';
}
