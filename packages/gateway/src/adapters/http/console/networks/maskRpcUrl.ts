/**
 * An RPC URL as the console shows it: scheme, host and port only. Providers put API keys in the
 * path (`/v3/<key>`) or the query (`?apikey=`), and a screen is easily shared or filmed.
 */
export function maskRpcUrl(url: string): string {
  if (!URL.canParse(url)) return '(not a URL)';
  const parsed = new URL(url);
  const hasMore = (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '';
  return `${parsed.protocol}//${parsed.host}${hasMore ? '/…' : ''}`;
}
