export type TronHttpApi = {
  /** `/wallet/gettransactionbyid` for a txid (with or without `0x`): the node's JSON answer. */
  getTransactionById(txid: string): Promise<unknown>;
};

/**
 * A client of a TRON node's HTTP API (`/wallet/…`) at `urls`, tried in order: a URL that fails
 * (unreachable, timed out, not 2xx, not JSON) passes the request to the next one, and only when all
 * fail does the call throw, with every URL's reason.
 */
export function createTronHttpApi(urls: readonly string[], options: { readonly timeoutMs: number }): TronHttpApi {
  if (urls.length === 0) throw new Error('a TRON network needs at least one HTTP API URL');
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const failures: string[] = [];
    for (const url of urls) {
      try {
        const response = await fetch(`${url.replace(/\/+$/, '')}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return await response.json();
      } catch (error) {
        failures.push(`${url}: ${(error as Error).message}`);
      }
    }
    throw new Error(`TRON HTTP API ${path} failed on every URL (${failures.join('; ')})`);
  };
  return {
    getTransactionById: (txid) => post('/wallet/gettransactionbyid', { value: txid.replace(/^0x/, '') }),
  };
}
