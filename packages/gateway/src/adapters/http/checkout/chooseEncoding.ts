/** A response encoding the page can send. */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding `Accept-Encoding` allows: brotli, then gzip, else none. A coding listed with
 * `q=0` is refused; `*` stands for any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (coding !== '') weights.set(coding.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return 'identity';
}
