import { request } from 'node:http';
import { sign } from '@kassa/sdk';

/** How one request ended: a full answer, or an error before any byte of one. */
export type OrderRequestResult =
  | { readonly kind: 'answered'; readonly status: number; readonly code: number | null }
  | { readonly kind: 'failed'; readonly error: string; readonly hadResponse: boolean };

export type PostOrderRequestParameters = {
  readonly port: number;
  readonly appId: string;
  readonly appSecret: string;
  readonly merchantOrderId: string;
};

/**
 * Creates a hosted order (`concise/url/get`) over a connection of its own (no keep-alive pool, so
 * no request rides a socket the server already closed), and says exactly how it ended.
 */
export function postOrderRequest(p: PostOrderRequestParameters): Promise<OrderRequestResult> {
  const body = JSON.stringify({ merchant_order_id: p.merchantOrderId, product_price: '10', product_name: 'Tea' });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    'content-type': 'application/json',
    Appid: p.appId,
    Timestamp: timestamp,
    Sign: sign({ appId: p.appId, appSecret: p.appSecret, timestamp, body }),
  };
  return new Promise((resolve) => {
    let hadResponse = false;
    const req = request(
      { host: '127.0.0.1', port: p.port, method: 'POST', path: '/ccpayment/v1/concise/url/get', headers, agent: false },
      (response) => {
        hadResponse = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => resolve({ kind: 'failed', error: String(error), hadResponse }));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const code = response.headers['content-type']?.includes('json')
            ? (JSON.parse(text) as { code: number }).code
            : null;
          resolve({ kind: 'answered', status: response.statusCode ?? 0, code });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'failed', error: error.code ?? error.message, hadResponse }),
    );
    req.end(body);
  });
}
