// Test fixture: a webhook signed the way the gateway signs it, built with node:crypto directly.
import { createHash } from 'node:crypto';
import type { WebhookPayload } from '../src/types.ts';

export const APP_ID = '202302010636261620672405236006912';
export const APP_SECRET = 'kassa-test-secret-0123456789abcdefghijklmnop';

/** A complete API Deposit payload, keys in wire order. */
export function createWebhookPayload(overrides: Partial<WebhookPayload> = {}): WebhookPayload {
  return {
    pay_status: 'success',
    order_type: 'API Deposit',
    record_id: '202401010000000000000000000000001',
    order_id: '202401010000000000000000000000002',
    product_price: '19.90',
    denominated_currency: 'USD',
    order_amount: '19.9',
    fiat_rate: '1',
    paid_amount: '19.9',
    token_rate: '1',
    chain: 'ETH',
    contract: '0xdac17f958d2ee523a2206206994597c13d831ec7',
    crypto: 'USDT',
    txid: '0x5caafde27a8040547a169168c55f35806eb0ca68344b2d53894097b0e9d5fa89',
    service_fee: '0',
    network_fee: '0',
    credit_amount: '19.9',
    origin_price: '19.90',
    origin_amount: '19.9',
    order_status: 'Successful',
    extend: { merchant_order_id: 'A-1001', custom_value: 'crème/brûlée <&>' },
    ...overrides,
  };
}

export type SignedWebhook = {
  headers: { Appid: string; Timestamp: string; Sign: string; 'Content-Type': string };
  body: string;
};

/** Signs `body` as Kassa does: sha256 over appId + secret + timestamp + body bytes. */
export function createSignedWebhook({
  body = JSON.stringify(createWebhookPayload()),
  timestamp,
  appId = APP_ID,
  appSecret = APP_SECRET,
}: {
  body?: string;
  timestamp: number;
  appId?: string;
  appSecret?: string;
}): SignedWebhook {
  const sign = createHash('sha256')
    .update(Buffer.from(`${appId}${appSecret}${timestamp}${body}`, 'utf8'))
    .digest('hex');
  return {
    headers: {
      Appid: appId,
      Timestamp: String(timestamp),
      Sign: sign,
      'Content-Type': 'application/json; charset=utf-8',
    },
    body,
  };
}
