import type { FastifyInstance } from 'fastify';
import { chooseEncoding } from './chooseEncoding.ts';
import type { CheckoutAsset, CheckoutAssets } from './loadCheckoutAssets.ts';

export type RegisterCheckoutAssetsOptions = {
  readonly assets: CheckoutAssets;
};

/** Serves the content-hashed stylesheet and script under `/pay/assets/`, pre-compressed and immutable. */
export async function registerCheckoutAssets(fastify: FastifyInstance, options: RegisterCheckoutAssetsOptions) {
  const { css, js } = options.assets;
  const assetsByPath = new Map<string, CheckoutAsset>([
    [css.path, css],
    [js.path, js],
  ]);

  fastify.get<{ Params: { file: string } }>('/pay/assets/:file', async (request, reply) => {
    const asset = assetsByPath.get(`/pay/assets/${request.params.file}`);
    if (asset === undefined)
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.identity);
  });
}
