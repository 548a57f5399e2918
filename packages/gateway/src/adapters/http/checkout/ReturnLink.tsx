import type { Translate } from './createTranslator.ts';

/** Seconds a paid page waits before returning the buyer to the merchant. */
export const RETURN_COUNTDOWN_SECONDS = 10;

export type ReturnLinkProps = {
  readonly t: Translate;
  /** The merchant's `return_url`; no link without one. */
  readonly returnUrl: string | null;
  /** Paid pages count down and then return the buyer (the script shows it; hidden without one). */
  readonly withCountdown: boolean;
};

/** The way back to the merchant, with the paid pages' countdown and a button to stay. */
export function ReturnLink({ t, returnUrl: url, withCountdown }: ReturnLinkProps) {
  if (url === null) return null;
  return (
    <>
      {withCountdown ? (
        <p
          class="redirect"
          data-redirect={url}
          data-seconds={RETURN_COUNTDOWN_SECONDS}
          data-template={t('return.countdown')}
          hidden
        />
      ) : null}
      <p class="actions">
        <a class="button" href={url} rel="noreferrer">
          {t('return.link')}
        </a>
        {withCountdown ? (
          // An empty value: the script looks for the attribute alone (`button[data-stay]`).
          <button type="button" class="button secondary" data-stay="" hidden>
            {t('return.stay')}
          </button>
        ) : null}
      </p>
    </>
  );
}
