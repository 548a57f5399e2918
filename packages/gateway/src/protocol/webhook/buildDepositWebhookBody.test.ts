// Guards against a webhook body whose keys, amounts or rounding differ from spec §7.1 (merchants verify over JSON.stringify of it).
import { describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../../test/support/buildPaidOrder.ts';
import { buildDepositWebhookBody } from './buildDepositWebhookBody.ts';

/** EVM's wire forms: the chain under its key, txids as held. */
const AS_HELD = { chain: 'DEV', formatTxid: (txid: string) => txid };

const NOW_MS = Date.UTC(2026, 10, 20, 12, 0, 0);

describe('buildDepositWebhookBody', () => {
  it('writes the §7.1 keys in order with formatted amounts', () => {
    const built = buildPaidOrder({ n: 7, appId: '1', nowMs: NOW_MS, amount: 12_500_001n });
    const body = buildDepositWebhookBody({
      ...built,
      event: 'success',
      orderStatus: { funds: 'more', isOverdue: false },
      feeRate: { units: 5n, scale: 3 },
      contract: built.quote.contract ?? '',
      wire: AS_HELD,
    });
    expect(JSON.stringify(body)).toBe(
      '{"pay_status":"success","order_type":"API Deposit","record_id":"202611201200000000000100000000007",' +
        '"order_id":"202611201200000000000000000000007","product_price":"12.5","denominated_currency":"USD",' +
        '"order_amount":"12.5","fiat_rate":"1","paid_amount":"12.500001","token_rate":"1","chain":"DEV",' +
        '"contract":"0x5fbdb2315678afecb367f032d93f642f64180aa3","crypto":"USDT",' +
        `"txid":"0x${'a'.repeat(52)}000000000007","service_fee":"0.0625","network_fee":"0",` +
        '"credit_amount":"12.437501","origin_price":"12.5","origin_amount":"12.5","order_status":"Overpayment",' +
        '"extend":{"merchant_order_id":"M-7","custom_value":"cv-7"}}',
    );
  });

  it('rounds the fee down so the credit is never more than what arrived', () => {
    const body = buildDepositWebhookBody({
      ...buildPaidOrder({ n: 1, appId: '1', nowMs: NOW_MS, amount: 199n }),
      event: 'processing',
      orderStatus: { funds: 'part', isOverdue: false },
      feeRate: { units: 1n, scale: 2 },
      contract: '31337',
      wire: AS_HELD,
    });
    // 199 × 0.01 = 1.99 base units → 1 fee, 198 credited.
    expect(body.service_fee).toBe('0.000001');
    expect(body.credit_amount).toBe('0.000198');
    expect(body.paid_amount).toBe('0.000199');
    expect(body.contract).toBe('31337');
    expect(body.pay_status).toBe('processing');
  });

  it('names the token as the currency of a token-priced order and sends an empty custom value', () => {
    const built = buildPaidOrder({ n: 2, appId: '1', nowMs: NOW_MS });
    const order = { ...built.order, denominatedCurrency: 'token' as const, priceUsdCents: null, customValue: null };
    const body = buildDepositWebhookBody({
      event: 'failed',
      order,
      quote: built.quote,
      payment: built.payment,
      orderStatus: { funds: 'none', isOpen: true },
      feeRate: { units: 0n, scale: 0 },
      contract: '',
      wire: AS_HELD,
    });
    expect(body.denominated_currency).toBe('USDT');
    expect(body.extend).toEqual({ merchant_order_id: 'M-2', custom_value: '' });
    expect(body.credit_amount).toBe(body.paid_amount);
  });
});
