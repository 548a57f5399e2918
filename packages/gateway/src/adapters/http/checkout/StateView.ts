import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import type { CheckoutErrorCode } from './CheckoutErrorCode.ts';
import type { Translate } from './createTranslator.ts';
import type { CheckoutLocale } from './pickLocale.ts';

/** Which screen the buyer sees: one per row of spec §6, plus choosing and confirming. */
export type CheckoutViewKind = 'choose' | 'awaiting' | 'detected' | 'underpaid' | 'paid' | 'overpaid' | 'expired';

/** What every screen is rendered from: one order's state, in one language and mode. */
export type StateViewContext = {
  readonly state: CheckoutState;
  readonly t: Translate;
  readonly locale: CheckoutLocale;
  /** This order's page path, `/pay/<token>`. */
  readonly pagePath: string;
  /** The buyer asked to pick another coin (`?choose=1`); honoured only while the coin can change. */
  readonly isChoosing: boolean;
  readonly error: CheckoutErrorCode | null;
};

/** The part of the page that changes with the order's state, and what the live script needs. */
export type StateView = {
  readonly kind: CheckoutViewKind;
  /**
   * The screen's markup, rendered once: the page puts it in `#view`, and the live feed sends it as
   * it is for the script to swap in.
   */
  readonly html: string;
  /** The sentence the screen reader live region announces for this screen. */
  readonly announce: string;
  readonly showTimer: boolean;
  readonly remainingMs: number;
  /** Changes exactly when `html` does: live updates skip identical views. */
  readonly version: string;
  /** Where a paid page sends the buyer after the countdown, if the merchant gave a URL. */
  readonly redirectUrl: string | null;
};
