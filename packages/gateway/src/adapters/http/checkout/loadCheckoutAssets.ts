import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A static file of the page, compressed once at startup and served under a content-hashed name. */
export type CheckoutAsset = {
  /** Public path, e.g. `/pay/assets/checkout.3f9a1c2b7d.css`; a new hash on every content change. */
  readonly path: string;
  readonly contentType: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly brotli: Buffer;
};

export type CheckoutAssets = { readonly css: CheckoutAsset; readonly js: CheckoutAsset };

const ASSETS_PREFIX = '/pay/assets/';

/** Reads `assets/checkout.css` and `assets/checkout.js`, hashes and pre-compresses them. */
export function loadCheckoutAssets(): CheckoutAssets {
  return {
    css: loadAsset('checkout', 'css', 'text/css; charset=utf-8'),
    js: loadAsset('checkout', 'js', 'text/javascript; charset=utf-8'),
  };
}

function loadAsset(name: string, extension: string, contentType: string): CheckoutAsset {
  const identity = readFileSync(new URL(`./assets/${name}.${extension}`, import.meta.url));
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 10);
  return {
    path: `${ASSETS_PREFIX}${name}.${hash}.${extension}`,
    contentType,
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    brotli: brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  };
}
