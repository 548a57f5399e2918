import { sendHttpRequest } from '../../net/sendHttpRequest.ts';

export type TronHttpApi = {
  /** `/wallet/gettransactionbyid` for a txid (with or without `0x`): the node's JSON answer. */
  getTransactionById(txid: string): Promise<unknown>;
};

/**
 * A client of a TRON node's HTTP API (`/wallet/…`) at `urls`, tried in order: a URL that fails
 * (unreachable, timed out, not 2xx, not JSON, or java-tron's `{"Error": …}`, which it sends with
 * status 200) passes the request to the next one, and only when all fail does the call throw, with
 * every URL's reason.
 *
 * A transaction one node answers `{}` for (it has not stored it: behind, or on another fork) is
 * asked of the next; `{}` is answered only when no URL knows it.
 */
export function createTronHttpApi(urls: readonly string[], options: { readonly timeoutMs: number }): TronHttpApi {
  if (urls.length === 0) throw new Error('a TRON network needs at least one HTTP API URL');
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const failures: string[] = [];
    let unknownAnswer: unknown;
    for (const url of urls) {
      try {
        const answer = await postOnce(`${url.replace(/\/+$/, '')}${path}`, body, options.timeoutMs);
        if (!isEmptyObject(answer)) return answer;
        unknownAnswer = answer;
      } catch (error) {
        failures.push(`${url}: ${(error as Error).message}`);
      }
    }
    if (unknownAnswer !== undefined) return unknownAnswer;
    throw new Error(`TRON HTTP API ${path} failed on every URL (${failures.join('; ')})`);
  };
  return {
    getTransactionById: (txid) => post('/wallet/gettransactionbyid', { value: txid.replace(/^0x/, '') }),
  };
}

// One transaction's JSON is a few kilobytes; a contract call's logs can reach a few hundred.
const TRON_API_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

async function postOnce(url: string, body: unknown, timeoutMs: number): Promise<unknown> {
  const reply = await sendHttpRequest(new URL(url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    timeoutMs,
    maxResponseBytes: TRON_API_MAX_RESPONSE_BYTES,
  });
  if (reply.status < 200 || reply.status > 299) throw new Error(`HTTP ${reply.status}`);
  const answer: unknown = JSON.parse(reply.body.toString('utf8'));
  const error = (answer as { Error?: unknown } | null)?.Error;
  if (typeof error === 'string') throw new Error(`node error: ${error.slice(0, 200)}`);
  return answer;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
