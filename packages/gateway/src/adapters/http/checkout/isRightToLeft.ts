import type { CheckoutLocale } from './pickLocale.ts';

/** True for languages written right to left (the page sets `dir="rtl"`). */
export function isRightToLeft(locale: CheckoutLocale): boolean {
  return locale === 'ar';
}
