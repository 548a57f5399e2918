import { sign } from '@kassa/sdk';

export type PostSignedParameters = {
  readonly baseUrl: string;
  readonly path: string;
  /** The exact bytes to send (tests write them the way each official client does). */
  readonly body: string | Buffer;
  readonly appId: string;
  readonly appSecret: string;
  /** Unix seconds; the test clock's now by default. */
  readonly timestamp: number;
  readonly contentType?: string | null;
  /** Override headers (to test missing or malformed ones). */
  readonly headers?: Readonly<Record<string, string | null>>;
};

export type SignedResponse = {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: { code: number; msg: string; data: unknown };
};

/** Sends a request signed as CCPayment v1 clients sign it, over real HTTP, and reads the reply. */
export async function postSigned(p: PostSignedParameters): Promise<SignedResponse> {
  const timestamp = String(p.timestamp);
  const headers: Record<string, string> = {
    Appid: p.appId,
    Timestamp: timestamp,
    Sign: sign({ appId: p.appId, appSecret: p.appSecret, timestamp, body: p.body }),
  };
  if (p.contentType !== null) headers['Content-Type'] = p.contentType ?? 'application/json; charset=utf-8';
  for (const [name, value] of Object.entries(p.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const response = await fetch(`${p.baseUrl}/ccpayment/v1/${p.path}`, {
    method: 'POST',
    headers,
    body: typeof p.body === 'string' ? p.body : new Uint8Array(p.body),
  });
  const text = await response.text();
  let json: SignedResponse['json'];
  try {
    json = JSON.parse(text) as SignedResponse['json'];
  } catch {
    json = { code: -1, msg: text, data: null };
  }
  return { status: response.status, headers: response.headers, text, json };
}
