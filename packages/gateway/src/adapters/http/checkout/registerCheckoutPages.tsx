import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../app/Deps.ts';
import { type CheckoutState, getCheckoutState } from '../../../app/getCheckoutState.ts';
import { selectCoin } from '../../../app/selectCoin.ts';
import { renderHtmlDocument } from '../view/renderHtmlDocument.ts';
import { sendHtml as sendPage } from '../view/sendHtml.ts';
import { buildPageHref } from './buildPageHref.ts';
import type { CheckoutErrorCode } from './CheckoutErrorCode.ts';
import { type CheckoutAssetHrefs, CheckoutPage } from './CheckoutPage.tsx';
import { createCheckoutCsp } from './createCheckoutCsp.ts';
import type { CheckoutViews } from './createCheckoutViews.ts';
import { isCheckoutToken } from './isCheckoutToken.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { type PageRequest, readPageContext } from './readPageContext.ts';
import { toCheckoutError } from './toCheckoutError.ts';

export type RegisterCheckoutPagesOptions = {
  readonly deps: Deps;
  readonly views: CheckoutViews;
  readonly assets: CheckoutAssetHrefs;
  /** Sandbox only (`kassa dev`): renders the sandbox wallet shown under the order. */
  readonly devPanel?: ((state: CheckoutState) => string) | undefined;
};

/**
 * The buyer's page, `/pay/<token>` (server-rendered, works without JavaScript), and the coin
 * choice, `POST /pay/<token>/select`: a plain form post answered with a redirect.
 */
export async function registerCheckoutPages(fastify: FastifyInstance, options: RegisterCheckoutPagesOptions) {
  const { deps, views, assets, devPanel } = options;
  const csp = createCheckoutCsp(deps.config.checkout.frameAncestors);

  // Only the coin form posts here: a small body, read in this scope alone.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, new URLSearchParams(String(body))),
  );

  fastify.get('/pay/:token', async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const t = views.translatorOf(page.locale);
    const state = isCheckoutToken(request.params.token)
      ? await getCheckoutState(deps, { checkoutToken: request.params.token })
      : null;
    if (state === null) {
      return sendHtml(
        request,
        reply,
        404,
        renderHtmlDocument(<NotFoundPage t={t} locale={page.locale} assets={assets} />),
      );
    }
    const html = renderHtmlDocument(
      <CheckoutPage
        state={state}
        view={views.viewOf(state, page)}
        t={t}
        locale={page.locale}
        catalogs={views.catalogs}
        pagePath={page.pagePath}
        isChoosing={page.isChoosing}
        liveQuery={page.isChoosing ? `choose=1${page.error === null ? '' : `&error=${page.error}`}` : undefined}
        assets={assets}
        {...(devPanel === undefined ? {} : { devPanel: devPanel(state) })}
      />,
    );
    return sendHtml(request, reply, 200, html);
  });

  fastify.post('/pay/:token/select', async (request: PageRequest, reply) => {
    const page = readPageContext(request);
    const order = isCheckoutToken(request.params.token)
      ? await deps.store.orders.findOrderByCheckoutToken(request.params.token)
      : null;
    if (order === null) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
    const tokenId = form.get('token_id') ?? '';
    let error: CheckoutErrorCode | null = null;
    try {
      await selectCoin(deps, { order, tokenId });
    } catch (caught) {
      error = toCheckoutError(caught);
      if (error === 'failed') request.log.error({ err: caught }, 'choosing a coin failed');
    }
    // Post/redirect/get: a reload never resubmits, and the address shows at a plain URL.
    const location =
      error === null
        ? buildPageHref(page.pagePath, page.locale)
        : buildPageHref(page.pagePath, page.locale, `choose=1&error=${error}`);
    return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
  });

  const sendHtml = (request: FastifyRequest, reply: FastifyReply, status: number, html: string) =>
    sendPage(request, reply, status, html, {
      'content-security-policy': csp,
      vary: 'accept-encoding, accept-language',
    });
}
