/** The languages the checkout page speaks; `en` is the reference catalog and the fallback. */
export const CHECKOUT_LOCALES = ['en', 'zh-CN', 'es', 'pt', 'ru', 'tr', 'vi', 'id', 'ja', 'ko', 'fr', 'ar'] as const;

export type CheckoutLocale = (typeof CHECKOUT_LOCALES)[number];

export type PickLocaleParameters = {
  /** `?lang=` of the request, when the buyer used the switcher. */
  readonly requested?: string | undefined;
  /** The `Accept-Language` header. */
  readonly acceptLanguage?: string | undefined;
};

/**
 * The page language: an explicit `?lang=` wins, then the best `Accept-Language` range (by q value,
 * exact tag before primary language: `pt-BR` → `pt`, `zh-TW` → `zh-CN`), else English.
 */
export function pickLocale({ requested, acceptLanguage }: PickLocaleParameters): CheckoutLocale {
  const explicit = requested === undefined ? undefined : matchLocale(requested);
  if (explicit !== undefined) return explicit;
  const ranges = (acceptLanguage ?? '')
    .slice(0, 512)
    .split(',')
    .map((part, position) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), position };
    })
    .filter((r) => r.tag !== '' && r.tag !== '*' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position);
  for (const range of ranges) {
    const match = matchLocale(range.tag);
    if (match !== undefined) return match;
  }
  return 'en';
}

function matchLocale(tag: string): CheckoutLocale | undefined {
  const lower = tag.toLowerCase();
  const exact = CHECKOUT_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const primary = lower.split('-')[0];
  // Every Chinese variant reads Simplified better than an English fallback.
  if (primary === 'zh') return 'zh-CN';
  return CHECKOUT_LOCALES.find((l) => l === primary);
}
