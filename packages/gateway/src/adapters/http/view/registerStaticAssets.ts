import type { FastifyInstance } from 'fastify';
import { chooseEncoding } from '../checkout/chooseEncoding.ts';
import type { StaticAsset } from './loadStaticAsset.ts';

export type RegisterStaticAssetsOptions = {
  /** The folder they are served from, e.g. `/console/assets/`. */
  readonly publicDir: string;
  readonly assets: readonly StaticAsset[];
};

/** Serves content-hashed assets under one folder, pre-compressed and immutable. */
export async function registerStaticAssets(fastify: FastifyInstance, options: RegisterStaticAssetsOptions) {
  const byPath = new Map(options.assets.map((asset) => [asset.path, asset]));
  fastify.get<{ Params: { file: string } }>(`${options.publicDir}:file`, async (request, reply) => {
    const asset = byPath.get(`${options.publicDir}${request.params.file}`);
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
