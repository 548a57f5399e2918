import type { FastifyRequest } from 'fastify';
import { CHECKOUT_ERRORS, type CheckoutErrorCode } from './CheckoutErrorCode.ts';
import { type CheckoutLocale, pickLocale } from './pickLocale.ts';

type PageQuery = { lang?: string; choose?: string; error?: string };

/** A request to one order's page or its live updates, `/pay/<token>…`. */
export type PageRequest = FastifyRequest<{ Params: { token: string }; Querystring: PageQuery }>;

/** Which rendering of the order a request asks for: language, coin list or not, and why a choice failed. */
export type PageContext = {
  readonly locale: CheckoutLocale;
  readonly pagePath: string;
  readonly isChoosing: boolean;
  readonly error: CheckoutErrorCode | null;
};

/** Reads the page context from the query and `Accept-Language`; unknown `?error=` values are ignored. */
export function readPageContext(request: PageRequest): PageContext {
  const query = request.query;
  const error = CHECKOUT_ERRORS.find((code) => code === query.error) ?? null;
  return {
    locale: pickLocale({ requested: query.lang, acceptLanguage: request.headers['accept-language'] }),
    pagePath: `/pay/${encodeURIComponent(request.params.token)}`,
    isChoosing: query.choose === '1' || error !== null,
    error,
  };
}
