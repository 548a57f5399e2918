import { encodeJson } from './encodeJson.ts';
import { KassaApiError } from './KassaApiError.ts';
import { KassaRequestError } from './KassaRequestError.ts';
import { KassaSignatureError } from './KassaSignatureError.ts';
import { RESULT_CODES } from './resultCodes.ts';
import { signHeaders } from './signHeaders.ts';
import type {
  ApiEnvelope,
  BillData,
  CheckoutUrlData,
  CoinListData,
  CreateBillRequest,
  CreateCheckoutUrlRequest,
  NetworkHeight,
  OrderInfo,
  ResendWebhooksData,
  ResendWebhooksRequest,
  TokenRateData,
  TokenRateRequest,
} from './types.ts';
import { verifySign } from './verifySign.ts';

export type CreateKassaClientParameters = {
  appId: string;
  appSecret: string;
  /** The gateway's origin, e.g. `https://pay.example.com`; `/ccpayment/v1/<path>` is appended. */
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** Whole-request timeout, response body included. Defaults to 15,000. */
  timeoutMs?: number;
};

export type GetTokenRateParameters = {
  /** USD amount as a decimal string. */
  amount: string;
  tokenId: string;
};

/** A client bound to one app's credentials. Every method resolves to the envelope's `data`. */
export type KassaClient = {
  /** Calls any v1 path; resolves to `data` of a verified success envelope. */
  request<TData = unknown>(path: string, body?: unknown): Promise<TData>;
  /** `concise/url/get`: creates (or safely re-fetches) a hosted checkout order. */
  createCheckoutUrl(params: CreateCheckoutUrlRequest): Promise<CheckoutUrlData>;
  /** `bill/info`: the orders among these merchant order ids (unknown ids are left out). */
  getOrders(merchantOrderIds: readonly string[]): Promise<OrderInfo[]>;
  /** `bill/create`: creates an order with its coin already chosen. */
  createBill(params: CreateBillRequest): Promise<BillData>;
  /** `coin/all`: the coins and networks this app accepts. */
  getCoins(): Promise<CoinListData>;
  /** `token/rate`: the token price and how many tokens a USD amount buys. */
  getTokenRate(params: GetTokenRateParameters): Promise<TokenRateData>;
  /** `get/network/height/info`: chain heights and confirmations per network. */
  getNetworkHeights(): Promise<NetworkHeight[]>;
  /** `webhook/resend`: re-queues webhooks of a time window. */
  resendWebhooks(params: ResendWebhooksRequest): Promise<ResendWebhooksData>;
};

export type CreateKassaClientReturnType = KassaClient;

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Creates a typed client for the v1 merchant API that signs every request and verifies every response.
 *
 * Throws `KassaApiError` when the envelope's code is not 10000, `KassaSignatureError` when a
 * response is unsigned or its signature does not match, `KassaRequestError` on transport failures.
 *
 * @example
 * const kassa = createKassaClient({ appId, appSecret, baseUrl: 'https://pay.example.com' });
 * const { payment_url } = await kassa.createCheckoutUrl({
 *   merchant_order_id: 'A-1001',
 *   product_name: 'T-shirt',
 *   product_price: '19.90',
 * });
 */
export function createKassaClient(parameters: CreateKassaClientParameters): CreateKassaClientReturnType {
  const { appId, appSecret } = parameters;
  if (typeof appId !== 'string' || appId === '') throw new TypeError('createKassaClient: appId is required');
  if (typeof appSecret !== 'string' || appSecret === '')
    throw new TypeError('createKassaClient: appSecret is required');
  const baseUrl = parameters.baseUrl.replace(/\/+$/, '');
  const fetchFn = parameters.fetch ?? globalThis.fetch;
  const now = parameters.now ?? Date.now;
  const timeoutMs = parameters.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<TData = unknown>(pathInput: string, body?: unknown): Promise<TData> {
    const path = pathInput.replace(/^\/+/, '');
    // No parameters is sent as `{}` rather than an empty body: every v1 server parses that.
    const requestBody = encodeJson(body === undefined ? {} : body);
    const headers = {
      ...signHeaders({ appId, appSecret, nowMs: now(), body: requestBody }),
      'Content-Type': 'application/json; charset=utf-8',
    };

    let status: number;
    let responseHeaders: Headers;
    let bytes: Uint8Array;
    try {
      const response = await fetchFn(`${baseUrl}/ccpayment/v1/${path}`, {
        method: 'POST',
        headers,
        body: requestBody,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      responseHeaders = response.headers;
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const isTimeout = error instanceof Error && error.name === 'TimeoutError';
      const detail = isTimeout ? `timed out after ${timeoutMs} ms` : 'request failed';
      throw new KassaRequestError({ path, detail }, { cause: error });
    }

    if (status !== 200) {
      // Still a transport failure (worth a retry: 429, 503 while the gateway restarts), but the
      // envelope's code says why, so it is kept as the cause.
      const envelope = parseEnvelope(bytes);
      const detail = envelope === undefined ? `HTTP ${status}` : `HTTP ${status}: ${envelope.msg}`;
      throw new KassaRequestError({ path, detail, status }, getErrorCause(envelope, path));
    }

    const signedAppId = responseHeaders.get('appid');
    const signedTimestamp = responseHeaders.get('timestamp');
    const signature = responseHeaders.get('sign');
    if (signedAppId === null || signedTimestamp === null || signature === null) {
      // An unsigned error envelope (e.g. unknown_app) still explains the failure; keep it as the cause.
      throw new KassaSignatureError({ reason: 'missing_signature', path }, getErrorCause(parseEnvelope(bytes), path));
    }
    if (signedAppId !== appId) throw new KassaSignatureError({ reason: 'wrong_app', path });
    if (!verifySign({ appId, appSecret, timestamp: signedTimestamp, body: bytes, sign: signature })) {
      throw new KassaSignatureError({ reason: 'bad_signature', path });
    }

    const envelope = parseEnvelope(bytes);
    if (envelope === undefined) {
      throw new KassaRequestError({ path, detail: 'response is not a JSON envelope', status });
    }
    if (envelope.code !== RESULT_CODES.success)
      throw new KassaApiError({ code: envelope.code, msg: envelope.msg, path });
    return envelope.data as TData;
  }

  async function requestData<TData>(path: string, body?: unknown): Promise<TData> {
    const data = await request<TData | null | undefined>(path, body);
    if (data === null || data === undefined) {
      throw new KassaRequestError({ path, detail: 'success envelope without data', status: 200 });
    }
    return data;
  }

  return {
    request,
    createCheckoutUrl: (params) => requestData<CheckoutUrlData>('concise/url/get', params),
    getOrders: (merchantOrderIds) =>
      requestData<OrderInfo[]>('bill/info', { merchant_order_ids: [...merchantOrderIds] }),
    createBill: (params) => requestData<BillData>('bill/create', params),
    getCoins: () => requestData<CoinListData>('coin/all'),
    getTokenRate: ({ amount, tokenId }) =>
      requestData<TokenRateData>('token/rate', { amount, token_id: tokenId } satisfies TokenRateRequest),
    getNetworkHeights: () => requestData<NetworkHeight[]>('get/network/height/info'),
    resendWebhooks: (params) => requestData<ResendWebhooksData>('webhook/resend', params),
  };
}

/** Reads an `ApiEnvelope` out of response bytes; undefined when they are not one. */
function parseEnvelope(bytes: Uint8Array): ApiEnvelope<unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    // Not JSON: the caller reports it with the context it has (status, path).
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, msg } = value as Record<string, unknown>;
  if (typeof code !== 'number' || typeof msg !== 'string') return undefined;
  return value as ApiEnvelope<unknown>;
}

/** An error envelope as the `cause` of a transport or signature failure, which it explains. */
function getErrorCause(envelope: ApiEnvelope<unknown> | undefined, path: string): { cause?: KassaApiError } {
  if (envelope === undefined || envelope.code === RESULT_CODES.success) return {};
  return { cause: new KassaApiError({ code: envelope.code, msg: envelope.msg, path }) };
}
