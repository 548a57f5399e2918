import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A static file of a page, compressed once at startup and served under a content-hashed name. */
export type StaticAsset = {
  /** Public path, e.g. `/console/assets/console.3f9a1c2b7d.css`; a new hash on every content change. */
  readonly path: string;
  readonly contentType: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly brotli: Buffer;
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/** Reads `file` (a `.css` or `.js` URL), hashes and pre-compresses it, to be served under `publicDir`. */
export function loadStaticAsset(file: URL, publicDir: string): StaticAsset {
  const name = file.pathname.slice(file.pathname.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = name.slice(dot + 1);
  const contentType = CONTENT_TYPES[extension];
  if (contentType === undefined) throw new Error(`loadStaticAsset: no content type for ${name}`);
  const identity = readFileSync(file);
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 10);
  return {
    path: `${publicDir}${name.slice(0, dot)}.${hash}.${extension}`,
    contentType,
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    brotli: brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  };
}
