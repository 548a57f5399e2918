import type { CheckoutState } from '../../../app/getCheckoutState.ts';

/** An underpaid order still takes the rest: it is open and its valid period has not run out. */
export function isRestPayable(state: CheckoutState): boolean {
  return state.isOpen && !state.summary.isOverdue;
}
